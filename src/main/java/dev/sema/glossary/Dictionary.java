package dev.sema.glossary;

import java.util.List;

/** The entries of one glossary for one direction, languages as canonical FLORES-200 codes. */
public record Dictionary(String sourceLanguage, String targetLanguage, List<GlossaryEntry> entries) {

    public Dictionary {
        entries = List.copyOf(entries);
    }

    /** The pair as clients read it, e.g. {@code eng_Latn→fra_Latn}. */
    public String pair() {
        return sourceLanguage + "→" + targetLanguage;
    }
}
