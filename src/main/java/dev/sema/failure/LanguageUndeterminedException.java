package dev.sema.failure;

import java.util.List;

/**
 * The detector found no supported language in a text: either while translating without a source language, or
 * when the client asked for the language itself.
 */
public final class LanguageUndeterminedException extends SemaException {

    /** Why the language was needed; the client's remedy differs. */
    public enum Purpose {
        /** Translation without {@code source_language}: the client should name the source. */
        TRANSLATION_SOURCE,
        /** Language identification: the text is in no supported language (or too short to tell). */
        IDENTIFICATION
    }

    /** One label the detector saw, with its probability. */
    public record Candidate(String language, double confidence) {
    }

    private final Purpose purpose;
    private final List<Candidate> candidates;

    public LanguageUndeterminedException(Purpose purpose, List<Candidate> candidates) {
        super(purpose == Purpose.TRANSLATION_SOURCE
                ? "Could not determine a supported source language; set source_language explicitly."
                : "The text matches no supported language.");
        this.purpose = purpose;
        this.candidates = List.copyOf(candidates);
    }

    public Purpose purpose() {
        return purpose;
    }

    /** What the detector saw, best first, whether supported or not. */
    public List<Candidate> candidates() {
        return candidates;
    }
}
