package dev.sema.api.compat.libretranslate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * LibreTranslate's {@code /frontend/settings}, which its clients read for the character limit and whether a key is
 * needed, and which files {@code /translate_file} takes. Suggestions are not offered here.
 */
@Schema(name = "LibreSettings")
public record LibreSettings(int charLimit, int frontendTimeout, boolean apiKeys, boolean keyRequired,
                            boolean suggestions, boolean filesTranslation, List<String> supportedFilesFormat,
                            Defaults language) {

    /** The page's default languages. */
    public record Defaults(Named source, Named target) {
    }

    public record Named(String code, String name) {
    }
}
