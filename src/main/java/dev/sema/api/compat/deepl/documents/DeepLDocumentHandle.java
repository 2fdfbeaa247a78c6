package dev.sema.api.compat.deepl.documents;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DeepL's answer to an upload: the id and the key that every later call names. */
@Schema(name = "DeepLDocumentHandle")
public record DeepLDocumentHandle(@JsonbProperty("document_id") String documentId,
                                  @JsonbProperty("document_key") String documentKey) {
}
