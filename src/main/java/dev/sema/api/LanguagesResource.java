package dev.sema.api;

import dev.sema.api.dto.LanguageInfo;
import dev.sema.api.dto.LanguageStatsResponse;
import dev.sema.api.dto.LanguagesResponse;
import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/api/v1/languages")
@Tag(name = "Languages")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class LanguagesResource {

    /** Shorter queries match too much to rank usefully. */
    private static final int MIN_QUERY_LENGTH = 2;

    private final LanguageCatalogue catalogue;

    @Inject
    public LanguagesResource(LanguageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** For the CDI client proxy only. */
    protected LanguagesResource() {
        this(null);
    }

    @GET
    @Operation(summary = "All supported languages",
            description = "The 202 NLLB-200 languages keyed by FLORES-200 code, in model token order.")
    @APIResponse(responseCode = "200", description = "All languages.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguagesResponse.class)))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguagesResponse all() {
        return LanguagesResponse.of(catalogue.all());
    }

    @GET
    @Path("/popular")
    @Operation(summary = "Popular languages", description = "Widely used global and African languages.")
    @APIResponse(responseCode = "200", description = "Popular languages.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguagesResponse.class)))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguagesResponse popular() {
        return LanguagesResponse.of(catalogue.popular());
    }

    @GET
    @Path("/african")
    @Operation(summary = "African languages", description = "Languages whose region is Africa.")
    @APIResponse(responseCode = "200", description = "African languages.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguagesResponse.class)))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguagesResponse african() {
        return LanguagesResponse.of(catalogue.african());
    }

    @GET
    @Path("/region/{region}")
    @Operation(summary = "Languages of one region",
            description = "Region names are case-insensitive: Africa, Americas, Asia, Europe, Middle East, Oceania.")
    @APIResponse(responseCode = "200", description = "Languages of the region.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguagesResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguagesResponse region(@Parameter(description = "Region name", example = "Africa")
                                    @PathParam("region") String region) {
        return LanguagesResponse.of(catalogue.region(region));
    }

    @GET
    @Path("/search")
    @Operation(summary = "Search languages",
            description = "Case-insensitive search over codes, aliases, English and native names, ranked: exact"
                    + " code, alias, name prefix, then substring.")
    @APIResponse(responseCode = "200", description = "Matches, best first.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguagesResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguagesResponse search(@Parameter(description = "At least 2 characters", required = true,
            example = "swahili") @QueryParam("q") String q) {
        if (q == null || RequestChecks.codePoints(q.strip()) < MIN_QUERY_LENGTH) {
            throw RequestChecks.invalid(400, "query_too_short", "q", "Search query must be at least "
                    + MIN_QUERY_LENGTH + " characters long", "at least " + MIN_QUERY_LENGTH + " characters");
        }
        return LanguagesResponse.of(catalogue.search(q));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Catalogue statistics", description = "Counts of languages, regions and scripts.")
    @APIResponse(responseCode = "200", description = "Statistics.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguageStatsResponse.class)))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguageStatsResponse stats() {
        return LanguageStatsResponse.from(catalogue.stats());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One language",
            description = "Looks a language up by FLORES-200 code, ISO 639 code or name (case-insensitive) and"
                    + " answers with its canonical code.")
    @APIResponse(responseCode = "200", description = "The language.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LanguageInfo.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public LanguageInfo language(@Parameter(description = "Code, alias or name", example = "swh_Latn")
                                 @PathParam("code") String code) {
        return catalogue.find(code).map(LanguageInfo::from).orElseThrow(() -> new ApiException(404,
                ApiError.of("unknown_language", "Language code '" + code + "' not supported. Use /api/v1/languages"
                        + " to see all supported languages.").withSuggestions(catalogue.suggest(code)), Map.of()));
    }
}
