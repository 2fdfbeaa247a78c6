package dev.sema.nllb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NllbTokenizerTest {

    private static NllbTokenizer tokenizer;
    private static int spmSize;

    @BeforeAll
    static void load() throws IOException {
        tokenizer = NllbTokenizer.load(SentencePieceFixture.model(), Optional.empty());
        spmSize = SentencePieceFixture.vocabPieces().size();
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Test
    void sourceIsLanguageThenPiecesWithFairseqOffsetThenEos() throws IOException {
        List<String> pieces = SentencePieceFixture.vocabPieces();
        long hello = pieces.indexOf("▁hello") + 1;
        long world = pieces.indexOf("▁world") + 1;
        assertTrue(hello > 3 && world > 3, "the fixture vocabulary has whole-word pieces for hello and world");

        long eng = spmSize + 1 + 46;                   // eng_Latn is line 47 of the fairseq list
        assertArrayEquals(new long[]{eng, hello, world, 2}, tokenizer.encodeSource("hello world", "eng_Latn"));
        assertEquals(spmSize + 1 + 202, tokenizer.languages().maskId());
        assertEquals(spmSize + 1 + 201, tokenizer.languageId("zul_Latn"));
        assertEquals(spmSize + 1 + 203, tokenizer.size());
    }

    @Test
    void releasedNllbVocabularyGivesThePublishedLanguageIds() {
        LanguageTokens nllb = LanguageTokens.derive(256_000);
        assertEquals(256_001, nllb.id("ace_Arab"));
        assertEquals(256_047, nllb.id("eng_Latn"));
        assertEquals(256_057, nllb.id("fra_Latn"));
        assertEquals(256_200, nllb.id("zho_Hans"));
        assertEquals(256_202, nllb.id("zul_Latn"));
        assertEquals(256_203, nllb.maskId());
        assertEquals(202, nllb.codes().size());
    }

    @Test
    void idsEqualSpmEncodeShiftedByTheFairseqOffset() throws IOException {
        List<String> texts = List.of("hello world", "How are you doing?", "  leading and  double  spaces ",
                "日本語 生活的真谛是", "สวัสดีครับ", "emoji 😀👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301 n\u0303 combining",
                "control\u0001char\ttab", "Привет мир", "zzqx unseen ÿ");
        List<int[]> reference = SentencePieceFixture.spmEncode(texts);
        for (int t = 0; t < texts.size(); t++) {
            long[] expected = java.util.Arrays.stream(reference.get(t)).mapToLong(id -> id == 0 ? 3 : id + 1).toArray();
            assertArrayEquals(expected, tokenizer.encodePieces(texts.get(t)), "ids of '" + texts.get(t) + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello world", "emoji 😀👍🏽 family 👨‍👩‍👧", "日本語のテキスト 生活的真谛是", "中文 한국어 ひらがな",
            "สวัสดีครับ ภาษาไทย", "e\u0301 a\u0308 n\u0303 combining", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀𠀁 supplementary",
            "control\u0001\u0007chars\ttab", "multiple   spaces  inside", "  leading spaces", "trailing spaces  ",
            "Ελληνικά Русский עברית العربية", "\u200Bzero width\uFEFF"})
    void decodeRestoresTheText(String text) {
        long[] ids = tokenizer.encodeSource(text, "fra_Latn");
        assertEquals(text, tokenizer.decode(ids));
    }

    @Test
    void decodeDropsSpecialLanguageMaskAndUnusedIds() {
        long[] hello = tokenizer.encodePieces("hello");
        long[] ids = {2, tokenizer.languageId("deu_Latn"), 0, 1, 3, hello[0], tokenizer.languages().maskId(),
                tokenizer.size() + 5, 2};
        assertEquals("hello", tokenizer.decode(ids));
    }

    @Test
    void unknownLanguageIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tokenizer.encodeSource("x", "xxx_Latn"));
        assertTrue(e.getMessage().contains("xxx_Latn"), e.getMessage());
    }

    @Test
    void tokenizerJsonAddedTokensGiveTheLanguageIds(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, """
                {"version": "1.0", "truncation": null,
                 "added_tokens": [
                   {"id": 0, "content": "<s>", "special": true},
                   {"id": 500, "content": "eng_Latn", "special": true},
                   {"id": 501, "content": "new_Latn", "special": true},
                   {"id": 502, "content": "<mask>", "special": true}],
                 "model": {"type": "BPE", "vocab": {"a": 1, "b": 2}, "merges": [["a", "b"]]}}
                """);
        try (NllbTokenizer fromJson = NllbTokenizer.load(SentencePieceFixture.model(), Optional.of(json))) {
            assertEquals(500, fromJson.languageId("eng_Latn"));
            assertEquals(501, fromJson.languageId("new_Latn"));
            assertEquals(502, fromJson.languages().maskId());
            assertThrows(IllegalArgumentException.class, () -> fromJson.languageId("fra_Latn"));
        }
    }

    @Test
    void closeIsIdempotent() {
        NllbTokenizer extra = NllbTokenizer.load(SentencePieceFixture.model(), Optional.empty());
        extra.close();
        extra.close();
    }
}
