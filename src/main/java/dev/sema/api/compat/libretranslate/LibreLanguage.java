package dev.sema.api.compat.libretranslate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One entry of LibreTranslate's {@code /languages}: every language translates to every other. */
@Schema(name = "LibreLanguage")
public record LibreLanguage(@Schema(example = "sw") String code, @Schema(example = "Swahili") String name,
                            List<String> targets) {
}
