package dev.sema.alignment;

import dev.sema.translation.AlignmentLink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimAlignTest {

    // "unbelievable story" as ▁un|believ|able|▁story and "histoire incroyable" as ▁histoire|▁incroy|able:
    // vectors chosen so that believ ~ incroy, able ~ able and story ~ histoire, un ~ nothing in particular.
    private static final EncodedText SOURCE = new EncodedText("unbelievable story",
            new int[]{0, 2, 8, 13}, new int[]{2, 8, 12, 18},
            new float[][]{{0.1f, 0.1f, 0.1f}, {1, 0.1f, 0}, {0, 1, 0}, {0, 0, 1}});
    private static final EncodedText TARGET = new EncodedText("histoire incroyable",
            new int[]{0, 9, 15}, new int[]{8, 15, 19},
            new float[][]{{0, 0.1f, 1}, {1, 0, 0.1f}, {0.1f, 1, 0}});

    @Test
    void piecesLinksBecomeWordLinksOncePerPair() {
        // Argmax links believ–incroy, able–able, story–histoire; the first two are the same word pair.
        assertEquals(List.of(new AlignmentLink(0, 12, 9, 19), new AlignmentLink(13, 18, 0, 8)),
                new SimAlign(Matching.ARGMAX, 0).align(SOURCE, TARGET));
    }

    @Test
    void distortionDecidesBetweenIdenticalVectors() {
        // "a a" against "a a": all vectors equal, so only the positional preference links 1:1 along the diagonal.
        float[][] same = {{1, 2}, {1, 2}};
        EncodedText text = new EncodedText("a a", new int[]{0, 2}, new int[]{1, 3}, same);
        assertEquals(List.of(new AlignmentLink(0, 1, 0, 1), new AlignmentLink(2, 3, 2, 3)),
                new SimAlign(Matching.ARGMAX, SimAlign.DEFAULT_DISTORTION).align(text, text));
        assertEquals(List.of(new AlignmentLink(0, 1, 0, 1)), new SimAlign(Matching.ARGMAX, 0).align(text, text));
    }

    @Test
    void noPiecesNoLinks() {
        EncodedText empty = new EncodedText("", new int[0], new int[0], new float[0][]);
        assertEquals(List.of(), new SimAlign(Matching.ITERMAX, 0.5).align(empty, TARGET));
    }
}
