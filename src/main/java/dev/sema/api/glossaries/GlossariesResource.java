package dev.sema.api.glossaries;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.Scope;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RequiresScope;
import dev.sema.glossary.Dictionary;
import dev.sema.glossary.EntriesFormat;
import dev.sema.glossary.EntriesParser;
import dev.sema.glossary.Glossaries;
import dev.sema.glossary.Glossary;
import dev.sema.languages.LanguageCatalogue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Glossaries (DeepL v3's shape): a name and dictionaries per language pair, owned by the calling key, scope
 * {@code glossaries}. Translation routes use one through {@code glossary_id}.
 */
@Path("/api/v1/glossaries")
@Tag(name = "Glossaries")
@SecurityRequirement(name = "apiKey")
@RequiresScope(Scope.GLOSSARIES)
@APIResponse(responseCode = "401", ref = "ApiKeyRejected")
@APIResponse(responseCode = "403", ref = "KeyForbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@APIResponse(responseCode = "503", ref = "AccountsUnavailable")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class GlossariesResource {

    private final Glossaries glossaries;
    private final AccountsConfig accounts;
    private final GlossaryRequests requests;

    @Inject
    public GlossariesResource(Glossaries glossaries, AccountsConfig accounts, LanguageCatalogue catalogue) {
        this.glossaries = glossaries;
        this.accounts = accounts;
        this.requests = new GlossaryRequests(catalogue);
    }

    /** For the CDI client proxy only. */
    protected GlossariesResource() {
        this.glossaries = null;
        this.accounts = null;
        this.requests = null;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a glossary", description = "A name and one dictionary per language pair, entries"
            + " as TSV or CSV (source term first). Refused with every problem and its line: empty terms, duplicate"
            + " source terms (case-insensitive), more than 10,000 entries, a term over 200 characters.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GlossaryRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GlossaryInfo.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(GlossaryRequest request, @Context HttpServletRequest context) {
        RequestChecks.requireBody(request);
        Glossary created = glossaries.create(Viewers.of(context, accounts), requests.name(request.name()),
                requests.dictionaries(request.dictionaries(), true));
        return Response.created(URI.create("/api/v1/glossaries/" + created.id())).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GlossaryInfo.of(created)).build();
    }

    @GET
    @Operation(summary = "List glossaries", description = "The calling key's glossaries (the admin's: all), oldest"
            + " first, without entries.")
    @APIResponse(responseCode = "200", description = "The glossaries.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GlossaryList.class)))
    public GlossaryList list(@Context HttpServletRequest context) {
        return new GlossaryList(glossaries.list(Viewers.of(context, accounts)).stream().map(GlossaryInfo::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One glossary", description = "Its name, version and dictionaries, without entries.")
    @APIResponse(responseCode = "200", description = "The glossary.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GlossaryInfo.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public GlossaryInfo get(@PathParam("id") String id, @Context HttpServletRequest context) {
        return GlossaryInfo.of(glossaries.get(Viewers.of(context, accounts), id));
    }

    @GET
    @Path("/{id}/entries")
    @Produces({MediaType.APPLICATION_JSON, "text/tab-separated-values"})
    @Operation(summary = "A dictionary's entries", description = "As JSON, or as TSV with"
            + " 'Accept: text/tab-separated-values' (what the page exports and POST accepts back).")
    @APIResponse(responseCode = "200", description = "The entries.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GlossaryEntries.class)),
            @Content(mediaType = "text/tab-separated-values", schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response entries(@PathParam("id") String id, @QueryParam("source_language") String source,
                            @QueryParam("target_language") String target, @Context HttpHeaders headers,
                            @Context HttpServletRequest context) {
        Glossary glossary = glossaries.get(Viewers.of(context, accounts), id);
        Dictionary dictionary = glossary.dictionaries().stream().filter(d -> requests.samePair(d, source, target))
                .findFirst().orElseThrow(() -> RequestChecks.invalid(404, "not_found", "source_language",
                        "Glossary " + id + " has no dictionary for " + source + "→" + target + ".", "no such dictionary"));
        if (headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.toString().startsWith("text/tab-separated-values"))) {
            return Response.ok(EntriesParser.write(dictionary.entries(), EntriesFormat.TSV),
                    "text/tab-separated-values; charset=UTF-8").build();
        }
        return Response.ok(new GlossaryEntries(dictionary.sourceLanguage(), dictionary.targetLanguage(),
                dictionary.entries().stream().map(GlossaryEntries.Entry::of).toList()), MediaType.APPLICATION_JSON).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a glossary", description = "Renames it (name) and puts dictionaries: each"
            + " replaces the dictionary of its pair, or with dictionary_mode=merge adds its entries (a source term"
            + " already there gets the new target). The version grows by one, so translations cached under the"
            + " old entries are not served any more.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GlossaryRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed glossary.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GlossaryInfo.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public GlossaryInfo change(@PathParam("id") String id, GlossaryRequest request,
                               @Context HttpServletRequest context) {
        RequestChecks.requireBody(request);
        return GlossaryInfo.of(glossaries.change(Viewers.of(context, accounts), id,
                request.name() == null ? null : requests.name(request.name()),
                requests.dictionaries(request.dictionaries(), false), GlossaryRequests.merge(request.dictionaryMode())));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a glossary", description = "The glossary and its dictionaries; translations"
            + " naming it afterwards get 404 glossary_not_found.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest context) {
        glossaries.delete(Viewers.of(context, accounts), id);
        return Response.noContent().build();
    }
}
