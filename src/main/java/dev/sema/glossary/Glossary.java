package dev.sema.glossary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A named glossary: dictionaries, at most one per language pair.
 *
 * @param owner   the API key id that made it, or {@code admin_token}
 * @param version 1 when created, one more with every change
 */
public record Glossary(String id, String name, String owner, int version, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt, List<Dictionary> dictionaries) {

    public Glossary {
        dictionaries = List.copyOf(dictionaries);
    }

    public Optional<Dictionary> dictionary(String source, String target) {
        return dictionaries.stream()
                .filter(d -> d.sourceLanguage().equals(source) && d.targetLanguage().equals(target)).findFirst();
    }

    /** What caches key translations by: a new version is a new identity. */
    public String identity() {
        return identity(id, version);
    }

    /** The identity of version {@code version} of glossary {@code id}. */
    public static String identity(String id, int version) {
        return id + "@" + version;
    }
}
