package dev.sema.api;

import dev.sema.accounts.Scope;
import dev.sema.api.dto.DetectLanguageRequest;
import dev.sema.api.dto.DetectLanguageResponse;
import dev.sema.api.dto.DetectedLanguage;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RateLimited;
import dev.sema.api.filter.RequiresScope;
import dev.sema.detection.DetectionService.Identification;
import dev.sema.detection.DetectionService;
import dev.sema.failure.LanguageUndeterminedException.Purpose;
import dev.sema.languages.Language;
import dev.sema.observability.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;

@Path("/api/v1/detect-language")
@Tag(name = "Language Detection")
// An API key is optional (anonymous clients have the per-IP limits): either no security or the apiKey scheme.
// Naming the scheme is also what makes the OpenAPI UI send the key entered under Authorize.
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "apiKey"))
@SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
@RequiresScope(Scope.DETECT)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DetectLanguageResource {

    private static final int DEFAULT_TOP_K = 3;

    private final DetectionService detection;
    private final ApiConfig config;
    private final RequestTrace trace;
    private final EventLog events;

    @Inject
    public DetectLanguageResource(DetectionService detection, ApiConfig config, RequestTrace trace, EventLog events) {
        this.detection = detection;
        this.config = config;
        this.trace = trace;
        this.events = events;
    }

    /** For the CDI client proxy only. */
    protected DetectLanguageResource() {
        this(null, null, null, null);
    }

    @POST
    @RateLimited
    @Operation(summary = "Detect the language of a text",
            description = "Identifies the language with fastText and answers with the canonical FLORES-200 code,"
                    + " names, confidence, whether it is reliable, and the top_k candidates. Also served at"
                    + " /detect-language.")
    @APIResponse(responseCode = "200", description = "Detected.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DetectLanguageResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "401", ref = "ApiKeyRejected")
    @APIResponse(responseCode = "403", ref = "KeyForbidden")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "ModelNotLoaded")
    public DetectLanguageResponse detect(DetectLanguageRequest request) {
        DetectLanguageRequest r = RequestChecks.requireBody(request);
        String text = RequestChecks.requireText("text", r.text(), config.detectMaxCharacters());
        int topK = RequestChecks.optionalRange("top_k", r.topK(), 1, config.detectMaxTopK(), DEFAULT_TOP_K);
        int characters = RequestChecks.codePoints(text);
        trace.characters(characters);
        long started = System.nanoTime();
        Identification identified = detection.identify(text, topK, Purpose.IDENTIFICATION);
        Language language = identified.best().language();
        double confidence = identified.best().confidence();
        events.detectionRequest(trace.requestId(), null, language.code(), confidence,
                characters, Duration.ofNanos(System.nanoTime() - started), trace.elapsed(), text);
        List<DetectedLanguage> candidates = identified.candidates().stream()
                .map(c -> new DetectedLanguage(c.language().code(), c.language().name(), c.confidence())).toList();
        return new DetectLanguageResponse(language.code(), language.name(), language.nativeName(), confidence,
                identified.reliable(), language.code().startsWith("eng_"), candidates,
                characters, Timestamps.now(), trace.requestId(), trace.elapsedSeconds());
    }
}
