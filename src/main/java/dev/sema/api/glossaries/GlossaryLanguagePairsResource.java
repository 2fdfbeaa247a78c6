package dev.sema.api.glossaries;

import dev.sema.accounts.Scope;
import dev.sema.api.filter.RequiresScope;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The language pairs a glossary dictionary may have (DeepL's {@code /glossary-language-pairs}). */
@Path("/api/v1/glossary-language-pairs")
@Tag(name = "Glossaries")
@SecurityRequirement(name = "apiKey")
@RequiresScope(Scope.GLOSSARIES)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class GlossaryLanguagePairsResource {

    private final LanguageCatalogue catalogue;

    @Inject
    public GlossaryLanguagePairsResource(LanguageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** For the CDI client proxy only. */
    protected GlossaryLanguagePairsResource() {
        this(null);
    }

    @GET
    @Operation(summary = "Language pairs for glossaries", description = "Any ordered pair of two different"
            + " languages of /api/v1/languages.")
    @APIResponse(responseCode = "200", description = "The languages.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguagePairs.class)))
    @APIResponse(responseCode = "401", ref = "ApiKeyRejected")
    @APIResponse(responseCode = "403", ref = "KeyForbidden")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguagePairs pairs() {
        return new LanguagePairs(true, catalogue.all().stream().map(Language::code).toList());
    }
}
