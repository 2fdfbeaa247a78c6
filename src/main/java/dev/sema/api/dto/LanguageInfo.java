package dev.sema.api.dto;

import dev.sema.languages.Language;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "LanguageInfo", description = "One supported language.")
@JsonbPropertyOrder({"code", "name", "nativeName", "region", "script", "popular", "african", "aliases"})
public record LanguageInfo(
        @Schema(description = "Canonical FLORES-200 code.", example = "swh_Latn") String code,
        @Schema(description = "English name (CLDR).", example = "Swahili") String name,
        @JsonbProperty("native_name") @Schema(description = "Autonym (CLDR where available).",
                example = "Kiswahili") String nativeName,
        @Schema(enumeration = {"Africa", "Americas", "Asia", "Europe", "Middle East", "Oceania"}, example = "Africa")
        String region,
        @Schema(example = "Latin") String script,
        boolean popular,
        boolean african,
        @Schema(description = "Other accepted spellings: ISO 639-1/639-3 codes, macrolanguage codes, names.",
                example = "[\"Kiswahili\", \"sw\", \"swa\", \"swh\"]") List<String> aliases) {

    public static LanguageInfo from(Language l) {
        return new LanguageInfo(l.code(), l.name(), l.nativeName(), l.region(), l.script(), l.popular(), l.african(),
                l.aliases());
    }
}
