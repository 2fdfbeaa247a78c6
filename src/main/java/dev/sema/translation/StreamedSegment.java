package dev.sema.translation;

/**
 * One segment of a streamed translation, delivered once it and every segment before it are translated.
 *
 * @param index          position among the text's segments, from 0
 * @param text           its translation (a segment without letters passes through unchanged)
 * @param separator      the white space that followed the segment in the source, so that the texts and separators
 *                       of all segments, in order, read like the whole text's translation
 * @param sourceStart    where the segment starts in the (trimmed) source text, in Unicode code points
 * @param sourceEnd      where it ends (exclusive), in code points
 * @param characterCount code points of the source this segment accounts for: its content and its separator, so
 *                       that the segments of a whole text add up to the text's own count
 * @param score          the mean token log-probability of its translation, 0 for a segment copied unchanged (as in
 *                       {@link TranslationOutput#scores})
 */
public record StreamedSegment(int index, String text, String separator, int sourceStart, int sourceEnd,
                              int characterCount, double score) {
}
