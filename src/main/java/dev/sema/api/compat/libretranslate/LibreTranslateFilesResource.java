package dev.sema.api.compat.libretranslate;

import dev.sema.accounts.Scope;
import dev.sema.api.compat.ClientCodes;
import dev.sema.api.compat.MultipartField;
import dev.sema.api.documents.DocumentTransfer;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RequiresScope;
import dev.sema.documents.DocumentStatus;
import dev.sema.documents.Documents;
import dev.sema.documents.Receipt;
import dev.sema.documents.StoredDocument;
import dev.sema.documents.Upload;
import dev.sema.languages.LanguageCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

/**
 * LibreTranslate's file translation over Sema's documents service (the same keys, quotas, formats and limits as
 * {@code /api/v1/documents}). LibreTranslate answers synchronously, so the upload waits for its job, at most
 * {@link #WAIT} (beyond that the URL is given anyway and answers 409 until the job is done). The URL carries the
 * document's key, as LibreTranslate's download URLs are the file's only credential.
 */
@Path("/libretranslate")
@Tag(name = "LibreTranslate compatibility")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class LibreTranslateFilesResource {

    /** How long an upload waits for its translation: LibreTranslate's clients expect the file in one call. */
    static final Duration WAIT = Duration.ofMinutes(2);
    private static final long POLL_MS = 100;

    private final Documents documents;
    private final ClientCodes codes;

    @Inject
    public LibreTranslateFilesResource(Documents documents, LanguageCatalogue catalogue) {
        this.documents = documents;
        this.codes = new ClientCodes(catalogue);
    }

    /** For the CDI client proxy only. */
    protected LibreTranslateFilesResource() {
        this.documents = null;
        this.codes = null;
    }

    @POST
    @Path("/translate_file")
    @RequiresScope(Scope.DOCUMENTS)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Translate a file (LibreTranslate)", description = "multipart/form-data with file,"
            + " source (auto to detect), target and api_key; the formats of /api/v1/documents. Waits for the"
            + " translation (at most two minutes) and answers the URL to download it from, once.")
    @APIResponse(responseCode = "200", description = "Translated.", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = LibreFileTranslation.class)))
    @APIResponse(responseCode = "400", description = "Bad request, an unsupported or too large file, or the"
            + " translation failed: {\"error\": ...}")
    @APIResponse(responseCode = "403", description = "The key is unknown, revoked or lacks the documents scope.")
    @APIResponse(responseCode = "429", description = "Too many documents in flight, or the key's quota is used up.")
    public LibreFileTranslation translateFile(@RequestBody(content = @Content(mediaType =
                                                      MediaType.MULTIPART_FORM_DATA)) byte[] body,
                                              @Context HttpHeaders headers,
                                              @Context HttpServletRequest request,
                                              @Context UriInfo uri) {
        // the parts from the bytes CompatBodies read for the api_key (JAX-RS's own multipart reader cannot re-read)
        String boundary = headers.getMediaType().getParameters().get("boundary");
        MultipartField.Part file = RequestChecks.requireField("file",
                MultipartField.part(body, boundary, "file").orElse(null));
        String target = RequestChecks.requireField("target", MultipartField.value(body, boundary, "target")
                .orElse(null));
        String source = MultipartField.value(body, boundary, "source").orElse(null);
        String from = source == null || source.isBlank() || source.strip().equalsIgnoreCase("auto") ? null
                : codes.flores(source);
        Receipt receipt = documents.submit(new Upload(file.fileName(), file.content(), from, codes.flores(target),
                DocumentTransfer.callerKey(request)));
        awaitEnd(receipt);
        return new LibreFileTranslation(uri.getBaseUriBuilder().path("libretranslate").path("download_file")
                .path(receipt.documentId()).path(receipt.documentKey()).build().toString());
    }

    /** Waits for the job to end; a failed one is the request's failure, as in LibreTranslate. */
    private void awaitEnd(Receipt receipt) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            StoredDocument document = documents.progress(receipt.documentId(), receipt.documentKey()).document();
            if (document.status() == DocumentStatus.DONE) {
                return;
            }
            if (document.status() == DocumentStatus.ERROR) {
                throw new ApiException(400, "document_failed", "The file could not be translated: "
                        + document.error());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @GET
    @Path("/download_file/{id}/{key}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a translated file (LibreTranslate)", description = "The URL /translate_file"
            + " answered; the file in its uploaded format, deleted after the download as /api/v1/documents does.")
    @APIResponse(responseCode = "200", description = "The translated file.")
    @APIResponse(responseCode = "404", description = "No such file, or already downloaded: {\"error\": ...}")
    public Response download(@PathParam("id") String id, @PathParam("key") String key) {
        return DocumentTransfer.attachment(documents.result(id, key));
    }
}
