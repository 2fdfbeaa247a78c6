package dev.sema.api.compat.deepl.glossaries;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.Scope;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RequiresScope;
import dev.sema.api.glossaries.Viewers;
import dev.sema.glossary.Glossaries;
import dev.sema.glossary.Glossary;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * DeepL v2's glossaries over Sema's glossaries (the same store, owners and rules as {@code /api/v1/glossaries}):
 * one language pair each. A glossary made with several dictionaries (v3, or Sema's own API) shows its first one
 * here, and translates every pair it has through {@code glossary_id} either way.
 */
@Path("/v2")
@Tag(name = "DeepL compatibility")
@RequiresScope(Scope.GLOSSARIES)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The key is unknown, revoked or lacks the glossaries scope.")
@ApplicationScoped
public class DeepLGlossariesResource {

    private final Glossaries glossaries;
    private final AccountsConfig accounts;
    private final DeepLGlossaryTerms terms;
    private volatile DeepLLanguagePairs pairs;

    @Inject
    public DeepLGlossariesResource(Glossaries glossaries, AccountsConfig accounts, LanguageCatalogue catalogue) {
        this.glossaries = glossaries;
        this.accounts = accounts;
        this.terms = new DeepLGlossaryTerms(catalogue);
    }

    /** For the CDI client proxy only. */
    protected DeepLGlossariesResource() {
        this.glossaries = null;
        this.accounts = null;
        this.terms = null;
    }

    @POST
    @Path("/glossaries")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Create a glossary (DeepL v2)", description = "name, source_lang, target_lang, entries,"
            + " entries_format (tsv or csv). Refused with every problem and its line as /api/v1/glossaries.")
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLGlossaryInfo.class)))
    @APIResponse(responseCode = "400", description = "Bad request: {\"message\": ...}")
    public Response create(DeepLGlossaryRequest request, @Context HttpServletRequest context) {
        DeepLGlossaryRequest r = RequestChecks.requireBody(request);
        Glossary created = glossaries.create(Viewers.of(context, accounts), terms.name(r.name()),
                List.of(terms.dictionary(r.single())));
        return Response.status(Response.Status.CREATED).entity(terms.v2(created)).build();
    }

    @GET
    @Path("/glossaries")
    @Operation(summary = "The caller's glossaries (DeepL v2)", description = "Each by its first dictionary.")
    @APIResponse(responseCode = "200", description = "The glossaries.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLGlossaryList.class)))
    public DeepLGlossaryList<DeepLGlossaryInfo> list(@Context HttpServletRequest context) {
        return new DeepLGlossaryList<>(glossaries.list(Viewers.of(context, accounts)).stream().map(terms::v2)
                .toList());
    }

    @GET
    @Path("/glossaries/{id}")
    @Operation(summary = "One glossary (DeepL v2)")
    @APIResponse(responseCode = "200", description = "The glossary.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLGlossaryInfo.class)))
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's.")
    public DeepLGlossaryInfo get(@PathParam("id") String id, @Context HttpServletRequest context) {
        return terms.v2(glossaries.get(Viewers.of(context, accounts), id));
    }

    @GET
    @Path("/glossaries/{id}/entries")
    @Produces("text/tab-separated-values")
    @Operation(summary = "A glossary's entries as TSV (DeepL v2)", description = "Its first dictionary's.")
    @APIResponse(responseCode = "200", description = "One entry a line, source term, tab, target term.")
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's.")
    public Response entries(@PathParam("id") String id, @Context HttpServletRequest context) {
        Glossary glossary = glossaries.get(Viewers.of(context, accounts), id);
        return Response.ok(DeepLGlossaryTerms.tsv(glossary.dictionaries().get(0)),
                "text/tab-separated-values; charset=UTF-8").build();
    }

    @DELETE
    @Path("/glossaries/{id}")
    @Operation(summary = "Delete a glossary (DeepL v2)")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such glossary of the caller's.")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest context) {
        glossaries.delete(Viewers.of(context, accounts), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/glossary-language-pairs")
    @Operation(summary = "Language pairs for glossaries (DeepL)", description = "Every ordered pair of two"
            + " different languages of /v2/languages, in lower-case DeepL codes.")
    @APIResponse(responseCode = "200", description = "The pairs.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLLanguagePairs.class)))
    public DeepLLanguagePairs pairs() {
        DeepLLanguagePairs all = pairs;
        if (all == null) {
            all = terms.pairs(); // some 40,000 pairs, computed once: the catalogue does not change while running
            pairs = all;
        }
        return all;
    }
}
