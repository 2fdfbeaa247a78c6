package dev.sema.translation;

import com.ibm.icu.util.ULocale;
import dev.sema.batching.DecodedSegment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The stream's decode order, its segments' spans and what they are charged, on texts segmented for real. */
class SegmentStreamTest {

    private static final Segmenter SEGMENTER = new Segmenter(String::length, 400);

    private static SegmentedText sentences(int n) {
        return SEGMENTER.segment(IntStream.range(0, n).mapToObj(i -> "Sentence number " + i + " is here.")
                .collect(Collectors.joining(" ")), ULocale.ENGLISH);
    }

    /** Upper-cases each segment and records each group handed to the decoder. */
    private static final class Recorder extends RecordingListener {
        final List<List<String>> groups = new ArrayList<>();

        /** Scores each translation minus its length in tenths, so that every segment's score is its own. */
        List<DecodedSegment> translate(List<String> group) {
            groups.add(group);
            return group.stream().map(s -> new DecodedSegment(List.of(" " + s.toUpperCase() + " "), -s.length() / 10.0))
                    .toList();
        }
    }

    @Test
    void theFirstSentenceGoesAloneThenTheOthersInBatches() {
        Recorder recorder = new Recorder();
        new SegmentStream(sentences(40), 16).run(recorder::translate, () -> false, recorder);
        assertEquals(List.of(1, 16, 16, 7), recorder.groups.stream().map(List::size).toList());
        assertEquals(IntStream.range(0, 40).boxed().toList(),
                recorder.segments.stream().map(StreamedSegment::index).toList());
        assertEquals("SENTENCE NUMBER 0 IS HERE.", recorder.segments.get(0).text(), "each translation stripped");
    }

    @Test
    void spansAndChargesAddUpToTheWholeTextInCodePoints() {
        String text = "Habari 😀 yako. 42\n\nNdiyo sana.";
        Recorder recorder = new Recorder();
        SegmentedText segmented = SEGMENTER.segment(text, ULocale.ENGLISH);
        new SegmentStream(segmented, 16).run(recorder::translate, () -> false, recorder);
        List<StreamedSegment> s = recorder.segments;
        assertEquals(List.of("HABARI 😀 YAKO.", "42", "NDIYO SANA."), s.stream().map(StreamedSegment::text).toList(),
                "the digits-only segment passes through");
        assertEquals(List.of(List.of("Habari 😀 yako."), List.of("Ndiyo sana.")), recorder.groups,
                "a segment without letters never reaches the decoder");
        assertEquals(List.of(0, 15, 19), s.stream().map(StreamedSegment::sourceStart).toList());
        assertEquals(List.of(14, 17, 30), s.stream().map(StreamedSegment::sourceEnd).toList());
        assertEquals(List.of(" ", "\n\n", ""), s.stream().map(StreamedSegment::separator).toList());
        assertEquals(List.of(-1.5, 0.0, -1.1), s.stream().map(StreamedSegment::score).toList(),
                "each segment its own score, the copied one 0");
        assertEquals(text.codePointCount(0, text.length()),
                s.stream().mapToInt(StreamedSegment::characterCount).sum());
        int[] codePoints = text.codePoints().toArray();
        assertEquals("Ndiyo sana.", new String(codePoints, 19, 30 - 19));
    }

    @Test
    void aCancelledStreamStopsBeforeTheNextGroup() {
        Recorder recorder = new Recorder();
        assertThrows(CancellationException.class, () -> new SegmentStream(sentences(10), 4)
                .run(recorder::translate, () -> recorder.segments.size() >= 3, recorder));
        assertEquals(List.of(1, 4), recorder.groups.stream().map(List::size).toList());
        assertEquals(5, recorder.segments.size());
    }
}
