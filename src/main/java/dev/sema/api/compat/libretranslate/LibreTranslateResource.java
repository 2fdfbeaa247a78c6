package dev.sema.api.compat.libretranslate;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.AccountsMode;
import dev.sema.accounts.Scope;
import dev.sema.api.ApiConfig;
import dev.sema.api.DetectLanguageResource;
import dev.sema.api.TranslationRunner;
import dev.sema.api.compat.ClientCodes;
import dev.sema.api.dto.DetectLanguageRequest;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RateLimited;
import dev.sema.api.filter.RequiresScope;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.translation.Translation;
import dev.sema.translation.TranslationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.function.Function;

/**
 * LibreTranslate's API under {@code /libretranslate}, where its clients (Mastodon, Weblate, Nextcloud, browser
 * extensions) append {@code /translate} to the URL they are given: a thin adapter over Sema's translation and
 * detection, with the same keys ({@code api_key} in the body), quotas, rate limits, usage and metrics. Bodies arrive
 * as Sema JSON ({@code CompatBodies}); failures leave as {@code {"error": ...}} ({@code CompatErrors}).
 */
@Path("/libretranslate")
@Tag(name = "LibreTranslate compatibility")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class LibreTranslateResource {

    private static final String AUTO = "auto";
    /** What /translate_file takes: the formats the documents service reads without LibreOffice. */
    private static final List<String> FILE_FORMATS = List.of(".txt", ".html", ".xml", ".xlf", ".xliff", ".srt",
            ".vtt", ".md", ".docx", ".pptx", ".xlsx", ".odt", ".odp", ".ods", ".epub");

    private final TranslationRunner runner;
    private final DetectLanguageResource detection;
    private final ClientCodes codes;
    private final ApiConfig config;
    private final AccountsConfig accounts;

    @Inject
    public LibreTranslateResource(TranslationRunner runner, DetectLanguageResource detection,
                                  LanguageCatalogue catalogue, ApiConfig config, AccountsConfig accounts) {
        this.runner = runner;
        this.detection = detection;
        this.codes = new ClientCodes(catalogue);
        this.config = config;
        this.accounts = accounts;
    }

    /** For the CDI client proxy only. */
    protected LibreTranslateResource() {
        this.runner = null;
        this.detection = null;
        this.codes = null;
        this.config = null;
        this.accounts = null;
    }

    @POST
    @Path("/translate")
    @RateLimited
    @RequiresScope(Scope.TRANSLATE)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Translate text (LibreTranslate)", description = "LibreTranslate's /translate: q (a string"
            + " or an array), source (auto to detect), target, format (text or html), alternatives, api_key. A q"
            + " array is answered with arrays. Errors as LibreTranslate's: {\"error\"} with 400, 403, 429 or 500.")
    @APIResponse(responseCode = "200", description = "Translated.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {LibreTranslation.class,
            LibreTranslations.class})))
    @APIResponse(responseCode = "400", description = "Bad request: {\"error\": ...}")
    @APIResponse(responseCode = "403", description = "The key is unknown, revoked or lacks the scope.")
    @APIResponse(responseCode = "429", description = "Too many requests, or the key's quota is used up.")
    @APIResponse(responseCode = "500", description = "Translation failed.")
    public Object translate(LibreTranslateRequest request) {
        LibreTranslateRequest r = RequestChecks.requireBody(request);
        boolean detect = r.source() == null || r.source().isBlank() || r.source().strip().equalsIgnoreCase(AUTO);
        TranslationResult result = runner.batch(r.toBatch(detect ? null : codes.flores(r.source()),
                codes.flores(r.target())));
        List<Translation> all = result.translations();
        Function<Translation, LibreDetection> detected = t -> detect
                ? LibreDetection.of(t.sourceConfidence(), codes.tag(t.sourceLanguage())) : null;
        boolean alternatives = r.alternatives() != null && r.alternatives() > 0;
        if (r.single()) {
            Translation t = all.get(0);
            return new LibreTranslation(t.text(), detected.apply(t), alternatives ? t.alternatives() : null);
        }
        return new LibreTranslations(all.stream().map(Translation::text).toList(),
                detect ? all.stream().map(detected).toList() : null,
                alternatives ? all.stream().map(Translation::alternatives).toList() : null);
    }

    @POST
    @Path("/detect")
    @RateLimited
    @RequiresScope(Scope.DETECT)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Detect the language (LibreTranslate)", description = "LibreTranslate's /detect: the"
            + " likeliest languages of q, confidence 0 to 100.")
    @APIResponse(responseCode = "200", description = "Candidates, likeliest first.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LibreDetection.class)))
    @APIResponse(responseCode = "400", description = "Bad request: {\"error\": ...}")
    @APIResponse(responseCode = "403", description = "The key is unknown, revoked or lacks the scope.")
    @APIResponse(responseCode = "429", description = "Too many requests.")
    public List<LibreDetection> detect(LibreDetectRequest request) {
        List<String> q = RequestChecks.requireField("q", RequestChecks.requireBody(request).q());
        String text = q.isEmpty() ? null : q.get(0);
        return detection.detect(new DetectLanguageRequest(text, null)).alternatives().stream()
                .map(c -> LibreDetection.of(c.confidence(), codes.tag(c.language()))).toList();
    }

    @GET
    @Path("/languages")
    @Operation(summary = "Languages (LibreTranslate)", description = "Every NLLB language under its short code (en,"
            + " sw, zh-Hans, ...), each translating to every other.")
    @APIResponse(responseCode = "200", description = "The languages.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LibreLanguage.class)))
    public List<LibreLanguage> languages() {
        List<Language> all = codes.catalogue().all();
        List<String> targets = all.stream().map(codes::tag).toList();
        return all.stream().map(l -> new LibreLanguage(codes.tag(l), l.name(), targets)).toList();
    }

    @GET
    @Path("/frontend/settings")
    @Operation(summary = "Client settings (LibreTranslate)", description = "The character limit and whether an"
            + " api_key is accepted or required, and the file formats of /translate_file.")
    @APIResponse(responseCode = "200", description = "The settings.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LibreSettings.class)))
    public LibreSettings settings() {
        return new LibreSettings(config.maxCharacters(), 500, accounts.enabled(),
                accounts.mode() == AccountsMode.REQUIRED, false, true, FILE_FORMATS,
                new LibreSettings.Defaults(new LibreSettings.Named(AUTO, "Auto Detect"),
                        new LibreSettings.Named("en", "English")));
    }
}
