package dev.sema.api.documents;

import dev.sema.documents.Receipt;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DocumentReceipt", description = "An uploaded document. The document_key is shown only here: every"
        + " later call needs it (header Document-Key), and the server cannot recover it.")
public record DocumentReceipt(
        @JsonbProperty("document_id") @Schema(example = "0b5f9c1e-4d0a-4f7e-9a51-6c2f3e8d7b10") String documentId,
        @JsonbProperty("document_key") @Schema(example = "q3Jm0Zk1c2VjcmV0LWtleS1vZi0zMi1ieXRlcw") String documentKey,
        @Schema(enumeration = {"queued", "error"}) String status) {

    static DocumentReceipt of(Receipt receipt) {
        return new DocumentReceipt(receipt.documentId(), receipt.documentKey(), receipt.status().code());
    }
}
