package dev.sema.api;

import dev.sema.accounts.Scope;
import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.dto.BatchTranslateResponse;
import dev.sema.api.dto.BatchTranslation;
import dev.sema.api.dto.TranslateRequest;
import dev.sema.api.dto.TranslateResponse;
import dev.sema.api.filter.Idempotent;
import dev.sema.api.filter.RateLimited;
import dev.sema.api.filter.RequiresScope;
import dev.sema.api.glossaries.GlossaryUse;
import dev.sema.markup.MarkupOptions;
import dev.sema.translation.TermBook;
import dev.sema.translation.Translation;
import dev.sema.translation.TranslationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/translate")
@Tag(name = "Translation")
// An API key is optional (anonymous clients have the per-IP limits): either no security or the apiKey scheme.
// Naming the scheme is also what makes the OpenAPI UI send the key entered under Authorize.
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "apiKey"))
@SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
@RequiresScope(Scope.TRANSLATE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TranslateResource {

    private final TranslationRunner runner;
    private final TranslationRequests requests;
    private final RequestTrace trace;
    private final GlossaryUse glossaries;

    @Inject
    public TranslateResource(TranslationRunner runner, ApiConfig config, RequestTrace trace, GlossaryUse glossaries) {
        this.runner = runner;
        this.requests = new TranslationRequests(config);
        this.trace = trace;
        this.glossaries = glossaries;
    }

    /** For the CDI client proxy only. */
    protected TranslateResource() {
        this.runner = null;
        this.requests = null;
        this.trace = null;
        this.glossaries = null;
    }

    @POST
    @RateLimited
    @Idempotent
    @Operation(summary = "Translate text",
            description = "Translates one text with NLLB-200. Languages may be given as FLORES-200 codes, ISO 639"
                    + " codes or English names; responses use canonical FLORES-200 codes. Without source_language"
                    + " the source is detected and reported with source_language_confidence. With tag_handling"
                    + " (\"html\" or \"xml\") the text is markup: only its text is translated, every tag is kept"
                    + " in place and the output is well-formed; character_count then counts the translated"
                    + " characters only. Also served at /translate.")
    @APIResponse(responseCode = "200", description = "Translated.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TranslateResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "401", ref = "ApiKeyRejected")
    @APIResponse(responseCode = "403", ref = "KeyForbidden")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "ModelNotLoaded")
    @APIResponse(responseCode = "409", ref = "IdempotencyKeyInUse")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @Parameter(ref = "IdempotencyKey")
    public TranslateResponse translate(TranslateRequest request, @Context HttpServletRequest context) {
        MarkupOptions markupOptions = TranslationRequests.markupOptions(request);
        TermBook terms = glossaries.termBook(request == null ? null : request.glossaryId(), context);
        TranslationResult result = runner.run(markupOptions, () -> requests.single(request).withTerms(terms),
                () -> requests.singleMarkup(request, markupOptions).withTerms(terms));
        Translation t = result.translations().get(0);
        return new TranslateResponse(t.text(), t.sourceLanguage(), t.sourceConfidence(), result.targetLanguage(),
                requested(request.alternatives(), t.alternatives()), result.inferenceSeconds(), t.characterCount(),
                Timestamps.now(), trace.requestId(), trace.elapsedSeconds(),
                GlossaryUse.applied(request.glossaryId(), t.terms()), scores(request.scoresWanted(), t));
    }

    @POST
    @RateLimited
    @Idempotent
    @Path("/batch")
    @Operation(summary = "Translate several texts",
            description = "Translates up to sema.batch-max-texts texts to one target language in one call; the"
                    + " character limit applies to all texts together. Without source_language each text's"
                    + " language is detected separately. tag_handling and the XML tag lists apply to every text;"
                    + " all their text goes to the model in one call. Also served at /translate/batch.")
    @APIResponse(responseCode = "200", description = "Translated, in request order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchTranslateResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "401", ref = "ApiKeyRejected")
    @APIResponse(responseCode = "403", ref = "KeyForbidden")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "ModelNotLoaded")
    @APIResponse(responseCode = "409", ref = "IdempotencyKeyInUse")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @Parameter(ref = "IdempotencyKey")
    public BatchTranslateResponse translateBatch(BatchTranslateRequest request,
                                                 @Context HttpServletRequest context) {
        TranslationResult result = runner.batch(request,
                glossaries.termBook(request == null ? null : request.glossaryId(), context));
        List<BatchTranslation> translations = result.translations().stream()
                .map(t -> new BatchTranslation(t.text(), t.sourceLanguage(), t.sourceConfidence(), t.characterCount(),
                        requested(request.alternatives(), t.alternatives()),
                        GlossaryUse.applied(request.glossaryId(), t.terms()), scores(request.scoresWanted(), t)))
                .toList();
        return new BatchTranslateResponse(translations, result.targetLanguage(), result.inferenceSeconds(),
                result.characterCount(), Timestamps.now(), trace.requestId(), trace.elapsedSeconds());
    }

    /** Scores appear in the body only when the client asked for them, so that other answers stay as they were. */
    private static List<Double> scores(boolean wanted, Translation t) {
        return wanted ? t.scores() : null;
    }

    /** Alternatives appear in the body only when the client asked for some. */
    private static List<String> requested(Integer asked, List<String> alternatives) {
        return asked == null || asked == 0 ? null : alternatives;
    }
}
