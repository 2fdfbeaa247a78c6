package dev.sema.translation;

import java.util.List;

/**
 * Which words of a translation correspond to which words of its source. Markup needs it to put each inline tag
 * (a {@code <b>}, an {@code <a href>}) around the translated words of the words it wrapped: the model translates
 * the sentence without its tags, so that context is not lost, and the tags are projected afterwards.
 *
 * <p>An aligner may know nothing about a pair (no model loaded, a text too long to align): it then answers no
 * links, and the caller falls back to a projection that never fails.
 */
public interface WordAligner {

    /**
     * @param source         a source text as it was translated
     * @param sourceLanguage canonical FLORES-200 code of the source
     * @param target         its translation, as the engine returned it
     * @param targetLanguage canonical FLORES-200 code of the translation
     * @return links between character ranges of {@code source} and of {@code target}, in no particular order; a
     *         source range may link to several target ranges and the other way round; empty when unknown
     */
    default List<AlignmentLink> align(String source, String sourceLanguage, String target, String targetLanguage) {
        return align(source, sourceLanguage, target, targetLanguage, List.of());
    }

    /**
     * As {@link #align(String, String, String, String)}, segment by segment as the engine translated the source
     * ({@link Translation#segments()}), with the encoder states the engine computed for them where it handed
     * them over; the aligner checks that they fit before it uses them.
     *
     * @param segments the source's segments and where their translations lie in {@code target}; empty: the two
     *                 texts as one pair
     */
    List<AlignmentLink> align(String source, String sourceLanguage, String target, String targetLanguage,
                              List<TranslatedSegment> segments);
}
