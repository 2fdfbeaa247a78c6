package dev.sema.api.dto;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ReloadResponse", description = "A reload and the slots' state when the response was written.")
@JsonbPropertyOrder({"status", "reloading", "models"})
public record ReloadResponse(
        @Schema(enumeration = {"accepted", "running", "completed"}, description = "accepted (202): loading in the"
                + " background; running (202): ?wait=true gave up waiting; completed (200): the new models serve.")
        String status,
        @Schema(description = "The slots being reloaded.", example = "[\"translation\"]") List<String> reloading,
        List<AdminModel> models) {
}
