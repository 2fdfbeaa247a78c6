package dev.sema.api.compat.deepl;

import dev.sema.accounts.Scope;
import dev.sema.api.TranslationRunner;
import dev.sema.api.UsageResource;
import dev.sema.api.compat.ClientCodes;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RateLimited;
import dev.sema.api.filter.RequiresScope;
import dev.sema.api.glossaries.GlossaryUse;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.translation.TranslationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * DeepL's text API at the root, where DeepL's official clients append their paths to {@code serverUrl}: a thin
 * adapter over the routes of {@code /api/v1}, with the same keys ({@code Authorization: DeepL-Auth-Key <key>}),
 * quotas, rate limits, usage and metrics. Bodies arrive as Sema JSON ({@code CompatBodies}); failures leave as
 * DeepL's ({@code CompatErrors}).
 */
@Path("/v2")
@Tag(name = "DeepL compatibility")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DeepLResource {

    private final TranslationRunner runner;
    private final DeepLCodes codes;
    private final UsageResource usage;
    private final GlossaryUse glossaries;

    @Inject
    public DeepLResource(TranslationRunner runner, LanguageCatalogue catalogue, UsageResource usage,
                         GlossaryUse glossaries) {
        this.runner = runner;
        this.codes = new DeepLCodes(new ClientCodes(catalogue));
        this.usage = usage;
        this.glossaries = glossaries;
    }

    /** For the CDI client proxy only. */
    protected DeepLResource() {
        this.runner = null;
        this.codes = null;
        this.usage = null;
        this.glossaries = null;
    }

    @POST
    @Path("/translate")
    @RateLimited
    @RequiresScope(Scope.TRANSLATE)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Translate text (DeepL)", description = "DeepL's /v2/translate: text repeated, source_lang,"
            + " target_lang, tag_handling, glossary_id; as JSON or a form. Authorization: DeepL-Auth-Key <Sema key>."
            + " Errors as DeepL's: {\"message\"}, 403 for a refused key, 456 for an exhausted quota, 429, 413, 400.")
    @APIResponse(responseCode = "200", description = "Translated, in request order.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLTranslateResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad request: {\"message\": ...}")
    @APIResponse(responseCode = "403", description = "The key is unknown, revoked or lacks the scope.")
    @APIResponse(responseCode = "413", description = "Too many characters.")
    @APIResponse(responseCode = "429", description = "Too many requests.")
    @APIResponse(responseCode = "456", description = "The key's character quota is used up.")
    public DeepLTranslateResponse translate(DeepLTranslateRequest request, @Context HttpServletRequest context) {
        DeepLTranslateRequest r = RequestChecks.requireBody(request);
        TranslationResult result = runner.batch(r.toBatch(codes.flores(r.targetLang()),
                codes.flores(r.sourceLang())), glossaries.termBook(r.glossaryId(), context));
        return new DeepLTranslateResponse(result.translations().stream()
                .map(t -> new DeepLTranslation(codes.source(t.sourceLanguage()), t.text(), t.characterCount()))
                .toList());
    }

    @GET
    @Path("/usage")
    @RequiresScope(Scope.USAGE)
    @Operation(summary = "Usage of the calling key (DeepL)", description = "The month's characters and character"
            + " quota (the day's for a key with a daily quota only; 10^12 for a key without one).")
    @APIResponse(responseCode = "200", description = "The usage.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLUsage.class)))
    @APIResponse(responseCode = "403", description = "No key, or a refused one.")
    public DeepLUsage usage(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return DeepLUsage.of(this.usage.periods(authorization));
    }

    @POST
    @Path("/usage")
    @RequiresScope(Scope.USAGE)
    @Operation(summary = "Usage of the calling key (DeepL, POST)", description = "As GET /v2/usage.")
    @APIResponse(responseCode = "200", description = "The usage.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLUsage.class)))
    @APIResponse(responseCode = "403", description = "No key, or a refused one.")
    public DeepLUsage usageByPost(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return usage(authorization);
    }

    @GET
    @Path("/languages")
    @Operation(summary = "Languages (DeepL)", description = "Every NLLB language under its DeepL code: DeepL's own"
            + " (EN-US, PT-BR, ZH-HANS, ...) and ISO 639-1 or 639-3 codes for the others (SW, YO, KI, ...).")
    @APIResponse(responseCode = "200", description = "The languages.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLLanguage.class)))
    public List<DeepLLanguage> languages(@Parameter(description = "source (default) or target")
                                         @QueryParam("type") String type) {
        if (type != null && !type.equals("source") && !type.equals("target")) {
            throw RequestChecks.invalid(400, "invalid_value", "type", "Parameter 'type' must be 'source' or"
                    + " 'target'.", "source or target");
        }
        return "target".equals(type) ? codes.targets() : codes.sources();
    }

    @POST
    @Path("/languages")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Languages (DeepL, POST)", description = "As GET /v2/languages; DeepL's clients POST"
            + " type as a form field.")
    @APIResponse(responseCode = "200", description = "The languages.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLLanguage.class)))
    public List<DeepLLanguage> languagesByPost(@QueryParam("type") String type,
                                               @RequestBody(required = false) DeepLLanguagesRequest body) {
        return languages(body != null && body.type() != null ? body.type() : type);
    }
}
