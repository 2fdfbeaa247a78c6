package dev.sema.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Settings of the HTTP edge; defaults in {@code META-INF/microprofile-config.properties}. */
@ApplicationScoped
public class ApiConfig {

    private final List<String> corsOrigins;
    private final int detectMaxCharacters;
    private final int detectMaxTopK;
    private final String version;

    @Inject
    public ApiConfig(@ConfigProperty(name = "sema.cors-origins") List<String> corsOrigins,
                     @ConfigProperty(name = "sema.detect-max-characters") int detectMaxCharacters,
                     @ConfigProperty(name = "sema.detect-max-top-k") int detectMaxTopK,
                     @ConfigProperty(name = "sema.version") String version) {
        this.corsOrigins = List.copyOf(corsOrigins);
        this.detectMaxCharacters = detectMaxCharacters;
        this.detectMaxTopK = detectMaxTopK;
        this.version = version;
    }

    /** For the CDI client proxy only. */
    protected ApiConfig() {
        this(List.of("*"), 0, 0, "");
    }

    /** Allowed browser origins; {@code *} allows any. */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /** Longest text {@code /detect-language} accepts, in Unicode code points. */
    public int detectMaxCharacters() {
        return detectMaxCharacters;
    }

    /** Largest {@code top_k} for {@code /detect-language}. */
    public int detectMaxTopK() {
        return detectMaxTopK;
    }

    /** Version reported by {@code /status} and {@code /api/v1/health}. */
    public String version() {
        return version;
    }
}
