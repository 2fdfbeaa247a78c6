package dev.sema.api.compat.libretranslate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** LibreTranslate's answer to {@code /translate_file}: where to download the translated file. */
@Schema(name = "LibreFileTranslation")
public record LibreFileTranslation(
        @Schema(description = "Absolute URL of the translated file; it holds the document's key, so whoever has it"
                + " may download the file once.") String translatedFileUrl) {
}
