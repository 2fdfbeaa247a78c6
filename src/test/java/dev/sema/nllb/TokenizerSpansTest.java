package dev.sema.nllb;

import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Piece spans from the test models' SentencePiece model (identity normalizer, byte fallback, kept spaces). */
class TokenizerSpansTest {

    private static NllbTokenizer tokenizer;
    private static SentencePieceVocabulary vocabulary;

    @BeforeAll
    static void load() {
        var model = TestModels.echo().resolve("sentencepiece.bpe.model");
        tokenizer = NllbTokenizer.load(model, Optional.empty());
        vocabulary = SentencePieceVocabulary.read(model);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void idsAreTheSourceEncodingAndSpecialsSpellNothing() {
        String text = "Hello world";
        SpannedTokens tokens = tokenizer.encodeSourceWithSpans(text, "eng_Latn").orElseThrow();
        assertArrayEquals(tokenizer.encodeSource(text, "eng_Latn"), tokens.ids());
        assertEquals(-1, tokens.start(0));
        assertEquals(-1, tokens.end(tokens.size() - 1));
        assertEquals(0, tokens.start(1));
        assertEquals(text.length(), tokens.end(tokens.size() - 2));
        assertTrue(!vocabulary.normalizesNfkc(), "the test models' normalizer is identity");
    }

    /**
     * Every piece with a spelling spans exactly that spelling without its ▁ (identity normalizer), spans run
     * in text order without overlapping (a byte run shares one), and every non-space character is covered.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "The quick brown fox jumps over the lazy dog.",
            "  Leading,  doubled   and trailing spaces  ",
            "Line one\nline two\ttabbed",
            "Élève, naïve café — «citation»",
            "我爱北京天安门。東京は日本の首都です。",
            "مرحبا بالعالم، كيف حالك؟",
            "नमस्ते दुनिया, आप कैसे हैं?",
            "Emoji 😀 and ❤️ and 👩‍👩‍👧 in text",
            "Ｆｕｌｌ ｗｉｄｔｈ and ﬁ ligature"})
    void spansSpellTheText(String text) {
        SpannedTokens tokens = tokenizer.encodeSourceWithSpans(text, "eng_Latn").orElseThrow();
        assertEquals(tokenizer.encodePieces(text).length + 2, tokens.size(), "one span per id");
        boolean[] covered = new boolean[text.length()];
        int lastEnd = 0;
        int lastStart = -1;
        for (int i = 1; i < tokens.size() - 1; i++) {
            int pieceId = (int) tokens.ids()[i] - 1;
            String spelling = tokens.ids()[i] == NllbTokenizer.UNK ? null : vocabulary.spelling(pieceId);
            if (!tokens.spellsText(i)) {
                assertTrue(spelling == null || spelling.replace("▁", "").isEmpty(), "piece " + i + " of " + text);
                continue;
            }
            if (spelling != null) {
                assertEquals(spelling.replace("▁", ""), text.substring(tokens.start(i), tokens.end(i)), text);
                assertTrue(tokens.start(i) >= lastEnd, "pieces in order in " + text);
            } else {
                assertTrue(tokens.start(i) >= lastEnd || tokens.start(i) == lastStart, "byte runs share a span");
            }
            lastStart = tokens.start(i);
            lastEnd = tokens.end(i);
            for (int c = tokens.start(i); c < tokens.end(i); c++) {
                covered[c] = true;
            }
        }
        for (int c = 0; c < text.length(); c++) {
            assertTrue(covered[c] || Character.isWhitespace(text.charAt(c)), "character " + c + " of " + text);
        }
    }
}
