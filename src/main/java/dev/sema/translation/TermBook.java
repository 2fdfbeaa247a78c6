package dev.sema.translation;

/**
 * Where a request's required terms come from (a glossary): one {@link Terminology} per language pair, chosen
 * once the source language is known, which may be after detection.
 */
@FunctionalInterface
public interface TermBook {

    /** No terms for any pair. */
    TermBook NONE = (source, target) -> Terminology.NONE;

    /**
     * @param source canonical source code
     * @param target canonical target code
     * @throws dev.sema.failure.InvalidGlossaryException when the book has nothing for this pair
     */
    Terminology forPair(String source, String target);
}
