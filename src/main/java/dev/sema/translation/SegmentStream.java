package dev.sema.translation;

import dev.sema.batching.DecodedSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The order in which a streamed text is decoded. The segments of one {@code /translate} request are decoded in one
 * batch and finish together (rows cannot join a running decode), so a stream sent that way would show its first
 * sentence only when the last is done. Instead the first translatable segment goes to the decoder alone, then the
 * others in groups of {@code maxGroup} (one decoder batch), each group once the one before it is delivered: the
 * first sentence costs what it costs alone, and the rest cost one decode per batch, as in {@code /translate}, plus
 * the first sentence's (smaller groups would show more sentences early but add a decode each, and a decoder step
 * costs nearly as much for one row as for many). Between groups a cancelled stream stops, so a receiver that went
 * away costs at most the group that was running.
 */
final class SegmentStream {

    private final SegmentedText text;
    private final int maxGroup;

    /** @param maxGroup the size of the groups after the first, ≥ 1 (the decoder's batch size) */
    SegmentStream(SegmentedText text, int maxGroup) {
        this.text = text;
        this.maxGroup = Math.max(1, maxGroup);
    }

    /**
     * @param translate    one group's segment texts to their translations, in order
     * @param cancelled    checked before each group: true stops the stream with a {@link CancellationException}
     * @param listener     receives every segment, in index order
     */
    void run(Function<List<String>, List<DecodedSegment>> translate, BooleanSupplier cancelled,
             SegmentListener listener) {
        List<Segment> segments = text.segments();
        int position = text.leading().codePointCount(0, text.leading().length());
        int next = 0;
        int group = 1;
        while (next < segments.size()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("stream cancelled");
            }
            int end = next;
            List<String> batch = new ArrayList<>();
            while (end < segments.size() && (batch.size() < group || !segments.get(end).translatable())) {
                if (segments.get(end).translatable()) {
                    batch.add(segments.get(end).text());
                }
                end++;
            }
            List<DecodedSegment> translated = batch.isEmpty() ? List.of() : translate.apply(batch);
            int taken = 0;
            for (int i = next; i < end; i++) {
                Segment segment = segments.get(i);
                int length = segment.text().codePointCount(0, segment.text().length());
                int separator = segment.separator().codePointCount(0, segment.separator().length());
                int leading = i == 0 ? position : 0;
                DecodedSegment decoded = segment.translatable() ? translated.get(taken++) : null;
                listener.translated(new StreamedSegment(i, decoded == null ? segment.text() : decoded.best().strip(),
                        segment.separator(), position, position + length, leading + length + separator,
                        decoded == null ? 0 : decoded.score()));
                position += length + separator;
            }
            next = end;
            group = maxGroup;
        }
    }
}
