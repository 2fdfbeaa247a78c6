package dev.sema.glossary;

import java.util.Locale;
import java.util.Optional;

/** How entries travel as text: one entry a line, source term first (DeepL's {@code entries_format}). */
public enum EntriesFormat {
    TSV, CSV;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EntriesFormat> parse(String code) {
        for (EntriesFormat format : values()) {
            if (format.code().equals(code)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
