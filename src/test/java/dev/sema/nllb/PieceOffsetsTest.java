package dev.sema.nllb;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PieceOffsetsTest {

    /** Spans as "start-end" per piece ("-" for none), for readable exact comparisons. */
    private static String spans(String text, boolean nfkc, String... pieces) {
        Optional<PieceOffsets.Spans> spans = PieceOffsets.locate(text, nfkc, Arrays.asList(pieces));
        assertTrue(spans.isPresent(), "pieces do not spell " + text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            int start = spans.get().starts()[i];
            int end = spans.get().ends()[i];
            out.append(i == 0 ? "" : " ").append(start < 0 ? "-" : start + "-" + end);
        }
        return out.toString();
    }

    @Test
    void wordsAndSubwordsMapToTheirCharacters() {
        assertEquals("0-5 6-11", spans("Hello world", true, "▁Hello", "▁world"));
        assertEquals("0-2 2-8 8-12 12-13", spans("unbelievable!", true, "▁un", "believ", "able", "!"));
    }

    @Test
    void whiteSpaceTheNormalizerDroppedIsSkipped() {
        assertEquals("2-3 6-7", spans("  a   b  ", true, "▁a", "▁b"));
        assertEquals("0-1 3-4", spans("a\t\nb", true, "▁a", "▁b"));
        // Kept white space (remove_extra_whitespaces=false, as in the test models): ▁▁ pieces spell nothing.
        assertEquals("- 2-3 - 6-7", spans("  a   b", false, "▁▁", "▁a", "▁▁", "▁b"));
    }

    @Test
    void nfkcCharactersMapToTheOriginalsTheyCameFrom() {
        // Full-width letters become ASCII; each normalized letter keeps its own original character.
        assertEquals("0-2 3-4", spans("ＡＢ c", true, "▁AB", "▁c"));
        // The ligature ﬁ is one character that becomes two: both pieces touching it get all of it.
        assertEquals("0-1 0-3", spans("ﬁne", true, "▁f", "ine"));
        // e + combining acute is one cluster that NFKC composes to é.
        assertEquals("0-5", spans("e\u0301te\u0301", true, "▁été"));
        // Without NFKC (identity normalizer) the full-width letters are matched as they are.
        assertEquals("0-2", spans("ＡＢ", false, "▁ＡＢ"));
    }

    @Test
    void unknownAndBytePiecesCoverWhatLiesBetweenTheirNeighbours() {
        // ❤ as three byte pieces: the run shares the heart's range, the bare ▁ before it spells nothing.
        assertEquals("0-1 - 2-3 2-3 2-3 4-7", spans("I ❤ you", false, "▁I", "▁", null, null, null, "▁you"));
        // A surrogate pair: the run covers both UTF-16 units.
        assertEquals("0-1 1-3 1-3 1-3 1-3 3-4", spans("x😀y", false, "▁x", null, null, null, null, "y"));
        // An unknown run at the end takes the rest, without trailing white space.
        assertEquals("0-2 2-3", spans("ab✓ ", true, "▁ab", null));
        // A byte piece for a newline spells only white space, so nothing.
        assertEquals("0-1 - 2-3", spans("a\nb", false, "▁a", null, "b"));
        assertEquals("0-1 - - 3-4", spans("a\n b", false, "▁a", null, "▁", "b"));
        // A wildcard with nothing left to stand for spells nothing.
        assertEquals("0-2 -", spans("ab", true, "▁ab", null));
    }

    @Test
    void wildcardRunsSeparatedByBoundariesTakeOneWordEach() {
        // Full-width words as bytes under an identity normalizer: ▁ | bytes | ▁ | bytes | ▁and
        assertEquals("- 0-4 0-4 0-4 - 5-8 5-8 9-12",
                spans("Ｆｕｌｌ ｗｉｄ and", false, "▁", null, null, null, "▁", null, null, "▁and"));
        // Two runs but one word between the known pieces: both runs get all of it.
        assertEquals("0-2 - 0-2 3-4", spans("❤★ y", false, null, "▁", null, "▁y"));
    }

    @Test
    void controlCharactersTheNormalizerRemovedAreSkipped() {
        assertEquals("0-3", spans("a\u0007b", true, "▁ab"));
    }

    @Test
    void piecesThatDoNotSpellTheTextGiveNoSpans() {
        assertEquals(Optional.empty(), PieceOffsets.locate("abc", true, List.of("▁abd")));
        assertEquals(Optional.empty(), PieceOffsets.locate("ab", true, List.of("▁ab", "c")));

    }
}
