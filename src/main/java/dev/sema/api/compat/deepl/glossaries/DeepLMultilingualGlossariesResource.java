package dev.sema.api.compat.deepl.glossaries;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.Scope;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RequiresScope;
import dev.sema.api.glossaries.Viewers;
import dev.sema.glossary.Dictionary;
import dev.sema.glossary.Glossaries;
import dev.sema.glossary.Glossary;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * DeepL v3's multilingual glossaries over Sema's glossaries, which have DeepL v3's shape already: a name and one
 * dictionary per language pair. PATCH merges entries into a pair's dictionary and PUT replaces it, as DeepL's do.
 */
@Path("/v3/glossaries")
@Tag(name = "DeepL compatibility")
@RequiresScope(Scope.GLOSSARIES)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The key is unknown, revoked or lacks the glossaries scope.")
@ApplicationScoped
public class DeepLMultilingualGlossariesResource {

    private final Glossaries glossaries;
    private final AccountsConfig accounts;
    private final DeepLGlossaryTerms terms;

    @Inject
    public DeepLMultilingualGlossariesResource(Glossaries glossaries, AccountsConfig accounts,
                                               LanguageCatalogue catalogue) {
        this.glossaries = glossaries;
        this.accounts = accounts;
        this.terms = new DeepLGlossaryTerms(catalogue);
    }

    /** For the CDI client proxy only. */
    protected DeepLMultilingualGlossariesResource() {
        this.glossaries = null;
        this.accounts = null;
        this.terms = null;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Create a multilingual glossary (DeepL v3)", description = "name and dictionaries, each"
            + " source_lang, target_lang, entries, entries_format.")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLMultilingualGlossaryInfo.class)))
    @APIResponse(responseCode = "400", description = "Bad request: {\"message\": ...}")
    public Response create(DeepLGlossaryRequest request, @Context HttpServletRequest context) {
        DeepLGlossaryRequest r = RequestChecks.requireBody(request);
        Glossary created = glossaries.create(Viewers.of(context, accounts), terms.name(r.name()),
                terms.dictionaries(r.dictionaries(), true));
        return Response.status(Response.Status.CREATED).entity(terms.v3(created)).build();
    }

    @GET
    @Operation(summary = "The caller's glossaries (DeepL v3)")
    @APIResponse(responseCode = "200", description = "The glossaries.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLGlossaryList.class)))
    public DeepLGlossaryList<DeepLMultilingualGlossaryInfo> list(@Context HttpServletRequest context) {
        return new DeepLGlossaryList<>(glossaries.list(Viewers.of(context, accounts)).stream().map(terms::v3)
                .toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One glossary (DeepL v3)")
    @APIResponse(responseCode = "200", description = "The glossary.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLMultilingualGlossaryInfo.class)))
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's.")
    public DeepLMultilingualGlossaryInfo get(@PathParam("id") String id, @Context HttpServletRequest context) {
        return terms.v3(glossaries.get(Viewers.of(context, accounts), id));
    }

    @GET
    @Path("/{id}/entries")
    @Operation(summary = "A dictionary's entries (DeepL v3)", description = "source_lang and target_lang name"
            + " the dictionary; its entries as TSV.")
    @APIResponse(responseCode = "200", description = "The dictionary.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLDictionaryEntries.class)))
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's, or no such dictionary.")
    public DeepLDictionaryEntries entries(@PathParam("id") String id, @QueryParam("source_lang") String source,
                                          @QueryParam("target_lang") String target,
                                          @Context HttpServletRequest context) {
        Glossary glossary = glossaries.get(Viewers.of(context, accounts), id);
        return new DeepLDictionaryEntries(List.of(terms.entries(terms.dictionary(glossary, source, target))));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Rename a glossary or merge entries (DeepL v3)", description = "name, and dictionaries"
            + " whose entries are merged into the glossary's dictionary of their pair (added when it has none).")
    @APIResponse(responseCode = "200", description = "The changed glossary.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLMultilingualGlossaryInfo.class)))
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's.")
    public DeepLMultilingualGlossaryInfo change(@PathParam("id") String id, DeepLGlossaryRequest request,
                                                @Context HttpServletRequest context) {
        DeepLGlossaryRequest r = RequestChecks.requireBody(request);
        return terms.v3(glossaries.change(Viewers.of(context, accounts), id,
                r.name() == null ? null : terms.name(r.name()), terms.dictionaries(r.dictionaries(), false), true));
    }

    @PUT
    @Path("/{id}/dictionaries")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Replace a dictionary (DeepL v3)", description = "source_lang, target_lang, entries,"
            + " entries_format: the glossary's dictionary of that pair becomes exactly these entries.")
    @APIResponse(responseCode = "200", description = "The dictionary.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLMultilingualGlossaryInfo.Dictionary
            .class)))
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's.")
    public DeepLMultilingualGlossaryInfo.Dictionary replace(@PathParam("id") String id,
                                                            DeepLDictionaryRequest request,
                                                            @Context HttpServletRequest context) {
        Dictionary dictionary = terms.dictionary(RequestChecks.requireBody(request));
        glossaries.change(Viewers.of(context, accounts), id, null, List.of(dictionary), false);
        return terms.info(dictionary);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a glossary (DeepL v3)")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's.")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest context) {
        glossaries.delete(Viewers.of(context, accounts), id);
        return Response.noContent().build();
    }
}
