package dev.sema.api.compat.deepl.documents;

import dev.sema.accounts.Scope;
import dev.sema.api.compat.ClientCodes;
import dev.sema.api.compat.deepl.DeepLCodes;
import dev.sema.api.documents.DocumentTransfer;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RequiresScope;
import dev.sema.api.glossaries.GlossaryUse;
import dev.sema.documents.Documents;
import dev.sema.documents.DocumentsConfig;
import dev.sema.documents.Receipt;
import dev.sema.documents.Upload;
import dev.sema.glossary.Glossary;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.Locale;

/**
 * DeepL's document API over Sema's documents service (the same keys, quotas, limits and jobs as
 * {@code /api/v1/documents}): upload, status and result, the document key in the body as DeepL's clients send it.
 * {@code formality} is accepted and ignored; {@code output_format} is accepted only as the input's own format, as
 * Sema does not convert between formats; {@code glossary_id} applies a glossary of the caller's as on
 * {@code /api/v1/documents}.
 */
@Path("/v2/document")
@Tag(name = "DeepL compatibility")
@RequiresScope(Scope.DOCUMENTS)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The key is unknown, revoked or lacks the documents scope.")
@ApplicationScoped
public class DeepLDocumentsResource {

    private final Documents documents;
    private final DocumentsConfig config;
    private final DeepLCodes codes;
    private final GlossaryUse glossaries;

    @Inject
    public DeepLDocumentsResource(Documents documents, DocumentsConfig config, LanguageCatalogue catalogue,
                                  GlossaryUse glossaries) {
        this.documents = documents;
        this.config = config;
        this.codes = new DeepLCodes(new ClientCodes(catalogue));
        this.glossaries = glossaries;
    }

    /** For the CDI client proxy only. */
    protected DeepLDocumentsResource() {
        this.documents = null;
        this.config = null;
        this.codes = null;
        this.glossaries = null;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a document (DeepL)", description = "multipart/form-data with file, target_lang,"
            + " optional source_lang (absent: detected) and filename; formats as /api/v1/documents. formality is"
            + " ignored; output_format must be absent or the input's own extension; glossary_id as on /v2/translate.")
    @APIResponse(responseCode = "200", description = "Queued.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLDocumentHandle.class)))
    @APIResponse(responseCode = "400", description = "Bad request: {\"message\": ...}")
    @APIResponse(responseCode = "413", description = "The file is too large.")
    @APIResponse(responseCode = "415", description = "No supported format recognises the file.")
    @APIResponse(responseCode = "429", description = "Too many documents in flight.")
    @APIResponse(responseCode = "456", description = "The key's character quota is used up.")
    public DeepLDocumentHandle upload(@FormParam("file") EntityPart file,
                                      @FormParam("target_lang") String target,
                                      @FormParam("source_lang") String source,
                                      @FormParam("filename") String fileName,
                                      @FormParam("output_format") String outputFormat,
                                      @FormParam("glossary_id") String glossaryId,
                                      @Context HttpServletRequest request) throws IOException {
        RequestChecks.requireField("file", file);
        RequestChecks.requireField("target_lang", target);
        String name = fileName != null && !fileName.isBlank() ? fileName : file.getFileName().orElse(null);
        requireOwnFormat(outputFormat, name);
        Glossary glossary = glossaries.glossary(glossaryId, request);
        Receipt receipt = documents.submit(new Upload(name, DocumentTransfer.read(file, config.maxBytes()),
                codes.flores(source), codes.flores(target), DocumentTransfer.callerKey(request), glossary));
        return new DeepLDocumentHandle(receipt.documentId(), receipt.documentKey());
    }

    /** DeepL converts between some formats; Sema returns the format it was given, so asks for others are refused. */
    private static void requireOwnFormat(String outputFormat, String fileName) {
        if (outputFormat == null || outputFormat.isBlank()) {
            return;
        }
        String wanted = "." + outputFormat.strip().toLowerCase(Locale.ROOT);
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(wanted)) {
            throw RequestChecks.invalid(400, "invalid_request", "output_format", "Sema translates a document into"
                    + " its own format; output_format must be absent or the input's extension.", "unsupported");
        }
    }

    @POST
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "A document's status (DeepL)", description = "document_key in the body. queued,"
            + " translating, done or error, with seconds_remaining, billed_characters and error_message.")
    @APIResponse(responseCode = "200", description = "The status.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeepLDocumentStatus.class)))
    @APIResponse(responseCode = "400", description = "No document_key.")
    @APIResponse(responseCode = "404", description = "No such document, or the key is not its key.")
    public DeepLDocumentStatus status(@PathParam("id") String id, DeepLDocumentKey body) {
        return DeepLDocumentStatus.of(documents.progress(id, key(body)));
    }

    @POST
    @Path("/{id}/result")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download the translated document (DeepL)", description = "document_key in the body. The"
            + " file in its uploaded format; deleted after the download as /api/v1/documents does.")
    @APIResponse(responseCode = "200", description = "The translated file.")
    @APIResponse(responseCode = "404", description = "No such document, or the key is not its key.")
    @APIResponse(responseCode = "503", description = "Not done yet, or failed (DeepL's document not ready).")
    public Response result(@PathParam("id") String id, DeepLDocumentKey body) {
        return DocumentTransfer.attachment(documents.result(id, key(body)));
    }

    private static String key(DeepLDocumentKey body) {
        return RequestChecks.requireField("document_key", RequestChecks.requireBody(body).documentKey());
    }
}
