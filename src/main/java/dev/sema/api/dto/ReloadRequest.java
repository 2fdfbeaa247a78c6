package dev.sema.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReloadRequest", description = "What to reload; every field is optional, and so is the body.")
public record ReloadRequest(
        @Schema(description = "Hub branch, tag or commit of the translation model; default: the one configured"
                + " (sema.model-revision). Only with model translation (the default when a revision is given).",
                example = "main") String revision,
        @Schema(enumeration = {"translation", "language_identification", "all"},
                description = "Default: translation when a revision is given, else all.", example = "all")
        String model) {
}
