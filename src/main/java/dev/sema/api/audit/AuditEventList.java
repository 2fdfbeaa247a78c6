package dev.sema.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AuditEventList", description = "A page of the audit trail, in id order.")
public record AuditEventList(
        List<AuditEventInfo> events,
        @JsonbProperty("next_after") @Schema(description = "Pass as ?after= for the next page; absent on the last.",
                example = "142") Long nextAfter) {
}
