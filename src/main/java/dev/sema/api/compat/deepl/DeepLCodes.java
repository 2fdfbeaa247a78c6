package dev.sema.api.compat.deepl;

import dev.sema.api.compat.ClientCodes;
import dev.sema.languages.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DeepL's language codes, both ways. DeepL writes ISO 639-1 codes in capitals ({@code DE}), with variants for
 * English and Portuguese targets ({@code EN-US}, {@code EN-GB}, {@code PT-BR}, {@code PT-PT}) and scripts for
 * Chinese ({@code ZH} = {@code ZH-HANS}, {@code ZH-HANT}). Every other NLLB language is offered under its
 * {@link ClientCodes} tag in capitals ({@code SW}, {@code YO}, {@code KI}); NLLB has one English and one
 * Portuguese, so each variant names the same model language.
 */
public final class DeepLCodes {

    /** The target variants DeepL's clients require (they refuse plain {@code EN} and {@code PT} as targets). */
    private static final Map<String, List<DeepLLanguage>> TARGET_VARIANTS = Map.of(
            "eng_Latn", List.of(new DeepLLanguage("EN-GB", "English (British)", false),
                    new DeepLLanguage("EN-US", "English (American)", false)),
            "por_Latn", List.of(new DeepLLanguage("PT-BR", "Portuguese (Brazilian)", false),
                    new DeepLLanguage("PT-PT", "Portuguese (European)", false)));
    /** DeepL names Simplified Chinese as a source {@code ZH}. */
    private static final Map<String, String> SOURCE_CODES = Map.of("zho_Hans", "ZH");

    private final ClientCodes codes;

    public DeepLCodes(ClientCodes codes) {
        this.codes = codes;
    }

    /**
     * The FLORES-200 code of a DeepL code ({@code EN-US} → {@code eng_Latn}), or the code unchanged when no language
     * matches, for the translation service to refuse with its suggestions; null stays null.
     */
    public String flores(String deepL) {
        if (deepL == null || deepL.isBlank()) {
            return null;
        }
        String code = deepL.strip();
        int dash = code.indexOf('-');
        return codes.find(code).or(() -> dash > 0 ? codes.find(code.substring(0, dash)) : Optional.empty())
                .map(Language::code).orElse(code);
    }

    /** How DeepL names a detected source language: {@code EN}, {@code ZH}, {@code SW}. */
    public String source(String floresCode) {
        String special = SOURCE_CODES.get(floresCode);
        return special != null ? special : upper(codes.tag(floresCode));
    }

    List<DeepLLanguage> sources() {
        return codes.catalogue().all().stream()
                .map(l -> new DeepLLanguage(source(l.code()), l.name(), null)).toList();
    }

    List<DeepLLanguage> targets() {
        List<DeepLLanguage> targets = new ArrayList<>();
        for (Language l : codes.catalogue().all()) {
            targets.addAll(TARGET_VARIANTS.getOrDefault(l.code(),
                    List.of(new DeepLLanguage(upper(codes.tag(l)), l.name(), false))));
        }
        return targets;
    }

    private static String upper(String tag) {
        return tag.toUpperCase(Locale.ROOT);
    }
}
