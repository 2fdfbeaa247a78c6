package dev.sema.api.documents;

import dev.sema.accounts.Scope;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.Idempotent;
import dev.sema.api.filter.IdempotentAnswers;
import dev.sema.api.filter.RequiresScope;
import dev.sema.api.glossaries.GlossaryUse;
import dev.sema.documents.DocumentProgress;
import dev.sema.documents.DocumentWaits;
import dev.sema.documents.Documents;
import dev.sema.documents.DocumentsConfig;
import dev.sema.documents.Upload;
import dev.sema.glossary.Glossary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * DeepL's document lifecycle: upload (202 with the document's id and key), status, result, deletion. Every call
 * after the upload names the document key in {@code Document-Key}; a wrong key is answered as an unknown id.
 */
@Path("/api/v1/documents")
@Tag(name = "Documents")
@RequiresScope(Scope.DOCUMENTS)
@SecurityRequirement(name = "apiKey")
@ApplicationScoped
public class DocumentsResource {

    static final String KEY_HEADER = "Document-Key";

    private final Documents documents;
    private final DocumentsConfig config;
    private final GlossaryUse glossaries;
    private final IdempotentAnswers idempotency;
    private final DocumentWaits waits;

    @Inject
    public DocumentsResource(Documents documents, DocumentsConfig config, GlossaryUse glossaries,
                             IdempotentAnswers idempotency, DocumentWaits waits) {
        this.documents = documents;
        this.waits = waits;
        this.config = config;
        this.glossaries = glossaries;
        this.idempotency = idempotency;
    }

    /** For the CDI client proxy only. */
    protected DocumentsResource() {
        this(null, null, null, null, null);
    }

    @POST
    @Idempotent
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a document to translate", description = "multipart/form-data with `file`,"
            + " `target_language`, optional `source_language` (absent: detected from the document's text) and"
            + " optional `glossary_id` (one of the caller's glossaries with a dictionary for the document's pair: every"
            + " part is translated with that version's terms, whatever becomes of the glossary meanwhile). The"
            + " format is recognised by content: txt, html/xhtml, xml, xliff 1.2/2.x, srt, vtt, markdown and the"
            + " office formats installed. The characters of its text are reserved from the key's quota now. With an"
            + " `Idempotency-Key`, a retry of the same upload (same file and fields) gets the first answer, the same"
            + " document, and is neither queued nor charged again.")
    @APIResponse(responseCode = "202", description = "Queued (or already failed, with the reason in its status).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentReceipt.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "409", ref = "IdempotencyKeyInUse")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @Parameter(ref = "IdempotencyKey")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "AccountsUnavailable")
    public Response upload(@FormParam("file") EntityPart file,
                           @FormParam("target_language") String target,
                           @FormParam("source_language") String source,
                           @FormParam("glossary_id") String glossaryId,
                           @Context HttpServletRequest request) throws IOException {
        RequestChecks.requireField("file", file);
        RequestChecks.requireField("target_language", target);
        byte[] bytes = DocumentTransfer.read(file, config.maxBytes());
        String fileName = file.getFileName().orElse(null);
        Optional<Response> replay = idempotency.begin(request, form(bytes, fileName, target, source, glossaryId));
        if (replay.isPresent()) {
            return replay.get();
        }
        Glossary glossary = glossaries.glossary(glossaryId, request);
        var receipt = documents.submit(new Upload(fileName, bytes,
                source == null || source.isBlank() || source.equals("auto") ? null : source, target,
                DocumentTransfer.callerKey(request), glossary));
        return Response.accepted(DocumentReceipt.of(receipt)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The upload as an idempotency key compares it: the file, its name and the fields, each apart, whatever multipart
     * boundary (drawn anew by clients for every request, a retry included) and part order carried them.
     */
    private static byte[] form(byte[] file, String... fields) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        for (String field : fields) {
            String entry = field == null ? "\u0000" : field.length() + ":" + field;
            form.writeBytes(entry.getBytes(StandardCharsets.UTF_8));
            form.write('\n');
        }
        form.writeBytes(file);
        return form.toByteArray();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A document's status", description = "queued, translating, done or error, with the parts"
            + " done and in all, an estimate of the seconds remaining, the characters billed and, for error, why."
            + " A wrong Document-Key answers 404 as an unknown id. With `Prefer: wait=N` (RFC 7240) the answer"
            + " comes when the document is done or failed, or after N seconds (at most 30), whichever is first,"
            + " instead of at once: a client learns the end without polling.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentStatusResponse.class)), headers = @Header(
            name = "Preference-Applied", description = "wait=N when the request's wait was honoured, N the seconds"
            + " granted", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "AccountsUnavailable")
    public Response status(@PathParam("id") String id,
                           @Parameter(required = true) @HeaderParam(KEY_HEADER) String key,
                           @Parameter(description = "wait=N: answer when the document has ended, or after N seconds")
                           @HeaderParam("Prefer") String prefer) {
        Optional<Duration> wait = PreferWait.of(prefer, DocumentWaits.MAX_WAIT);
        DocumentProgress progress = wait.isEmpty() ? documents.progress(id, key)
                : waits.await(() -> documents.progress(id, key), wait.get());
        Response.ResponseBuilder answer = Response.ok(DocumentStatusResponse.of(progress));
        wait.ifPresent(w -> answer.header("Preference-Applied", "wait=" + w.toSeconds()));
        return answer.build();
    }

    @GET
    @Path("{id}/result")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download the translated document", description = "Same format as uploaded, named with"
            + " the target language added. Deleted after the download unless"
            + " sema.document-delete-after-download=false.")
    @APIResponse(responseCode = "200", description = "The translated file.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "AccountsUnavailable")
    @APIResponse(responseCode = "409", description = "Not done yet, or failed.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Response result(@PathParam("id") String id,
                           @Parameter(required = true) @HeaderParam(KEY_HEADER) String key) {
        return DocumentTransfer.attachment(documents.result(id, key));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel or delete a document", description = "A job that waits or runs stops and its"
            + " reserved characters return to the key; a finished document is deleted.")
    @APIResponse(responseCode = "204", description = "Gone.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "AccountsUnavailable")
    public Response delete(@PathParam("id") String id,
                           @Parameter(required = true) @HeaderParam(KEY_HEADER) String key) {
        documents.delete(id, key);
        return Response.noContent().build();
    }
}
