package dev.sema.api.compat.deepl.documents;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of DeepL's status and result calls (a form, as its clients send it, or JSON). */
@Schema(name = "DeepLDocumentKey")
public record DeepLDocumentKey(@JsonbProperty("document_key") @Schema(required = true) String documentKey) {
}
