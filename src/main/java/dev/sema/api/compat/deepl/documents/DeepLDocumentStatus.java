package dev.sema.api.compat.deepl.documents;

import dev.sema.documents.DocumentProgress;
import dev.sema.documents.StoredDocument;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DeepL's document status: Sema's own status codes are DeepL's. */
@Schema(name = "DeepLDocumentStatus")
public record DeepLDocumentStatus(
        @JsonbProperty("document_id") String documentId,
        @Schema(enumeration = {"queued", "translating", "done", "error"}) String status,
        @JsonbProperty("seconds_remaining") Long secondsRemaining,
        @JsonbProperty("billed_characters") long billedCharacters,
        @JsonbProperty("error_message") String errorMessage) {

    static DeepLDocumentStatus of(DocumentProgress progress) {
        StoredDocument d = progress.document();
        return new DeepLDocumentStatus(d.id(), d.status().code(), progress.secondsRemaining(), d.billedCharacters(),
                d.error());
    }
}
