package dev.sema.api.documents;

import dev.sema.documents.DocumentProgress;
import dev.sema.documents.StoredDocument;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DocumentStatus", description = "Where a document's translation stands.")
public record DocumentStatusResponse(
        @JsonbProperty("document_id") String documentId,
        @Schema(enumeration = {"queued", "translating", "done", "error"}) String status,
        @JsonbProperty("segments_done") @Schema(description = "Parts (paragraphs, cells, cues, units) translated")
        int segmentsDone,
        @JsonbProperty("segments_total") int segmentsTotal,
        @JsonbProperty("seconds_remaining") @Schema(description = "Estimate from the pace so far; absent until the"
                + " first part is done") Long secondsRemaining,
        @JsonbProperty("billed_characters") long billedCharacters,
        @JsonbProperty("source_language") String sourceLanguage,
        @JsonbProperty("target_language") String targetLanguage,
        @Schema(description = "Why the document could not be translated (status error)") String error) {

    static DocumentStatusResponse of(DocumentProgress progress) {
        StoredDocument d = progress.document();
        return new DocumentStatusResponse(d.id(), d.status().code(), d.segmentsDone(), d.segmentsTotal(),
                progress.secondsRemaining(), d.billedCharacters(), d.sourceLanguage(), d.targetLanguage(), d.error());
    }
}
