package dev.sema.languages;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/**
 * One NLLB-200 language as listed in {@code languages/catalogue.json}.
 *
 * @param code       canonical FLORES-200 code, e.g. {@code swh_Latn}
 * @param name       English name (CLDR)
 * @param nativeName autonym (CLDR where available)
 * @param region     Africa, Americas, Asia, Europe, Middle East or Oceania
 * @param script     English script name (CLDR), e.g. {@code Latin}
 * @param aliases    other ways clients name it: ISO 639-1/639-3 codes, macrolanguage codes, common names
 */
public record Language(String code, String name, @JsonbProperty("native_name") String nativeName, String region,
                       String script, boolean popular, boolean african, List<String> aliases) {
}
