package dev.sema.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ibm.icu.text.BreakIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Invariants of segmentation on many generated and real (FLORES-200) texts. */
class SegmenterPropertyTest {

    private static final List<String> CODES = List.of("eng_Latn", "zho_Hans", "jpn_Jpan", "tha_Thai", "arb_Arab");
    private static final String[] FRAGMENTS = {
        "Hello", "world", "Mr.", "e.g.", "U.S.A.", "it's", "1,000", "3.14", "naïve", "e\u0301", "😀", "👍🏽",
        "我喜欢猫", "中华人民共和国", "今日は", "晴れです", "ภาษาไทย", "สวัสดีครับ", "مرحبا", "بالعالم", "Привет",
        ".", "!", "?", "...", "。", "！", "？", "؟", ",", "،", "、", "，", ";", ":", "—", "\"", "(", ")", "«", "»"};
    private static final String[] SPACES = {
        " ", " ", " ", "", "", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u3000", "\u00A0", "\u2029", " \n ", "\u200B"};

    @Test
    void randomMixedScriptTextsSurviveExactly() {
        Random random = new Random(20261126);
        for (int trial = 0; trial < 400; trial++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                text.append(random.nextBoolean() ? FRAGMENTS[random.nextInt(FRAGMENTS.length)]
                        : SPACES[random.nextInt(SPACES.length)]);
            }
            int budget = 1 + random.nextInt(12);
            ToIntFunction<String> counter = random.nextBoolean() ? SegmenterTest.CODE_POINTS : SegmenterTest.WORDS;
            String code = CODES.get(random.nextInt(CODES.size()));
            assertWellFormed(text.toString(), new Segmenter(counter, budget).segment(text.toString(), code), counter, budget);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eng_Latn", "zho_Hans", "jpn_Jpan", "tha_Thai", "arb_Arab"})
    void floresDocumentsSurviveExactly(String code) throws IOException {
        List<String> sentences = flores(code);
        Random random = new Random(code.hashCode());
        String[] separators = {" ", "\n", "\n\n", "", "  ", "\r\n"};
        for (int document = 0; document < 60; document++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                text.append(sentences.get(random.nextInt(sentences.size())));
                text.append(separators[random.nextInt(separators.length)]);
            }
            for (int budget : new int[]{SegmenterTest.NLLB_TRAINING_LENGTH, 40, 7}) {
                SegmentedText segmented = new Segmenter(SegmenterTest.CODE_POINTS, budget).segment(text.toString(), code);
                assertWellFormed(text.toString(), segmented, SegmenterTest.CODE_POINTS, budget);
            }
        }
        // One sentence per line: every line is at least one segment, and most FLORES lines are one sentence.
        String lines = String.join("\n", sentences.subList(0, 200));
        int segments = new Segmenter(SegmenterTest.CODE_POINTS, SegmenterTest.NLLB_TRAINING_LENGTH).segment(lines, code)
                .segments().size();
        assertTrue(segments >= 200 && segments < 300, code + ": " + segments + " segments for 200 lines");
    }

    static void assertWellFormed(String input, SegmentedText segmented, ToIntFunction<String> counter, int budget) {
        String context = "input " + escape(input) + " budget " + budget;
        assertEquals(input, segmented.original(), context);
        assertTrue(isWhiteSpace(segmented.leading()), context);
        for (Segment segment : segmented.segments()) {
            String text = segment.text();
            assertFalse(SegmentedText.isWhiteSpace(text.codePointAt(0)), context);
            assertFalse(SegmentedText.isWhiteSpace(text.codePointBefore(text.length())), context);
            assertTrue(isWhiteSpace(segment.separator()), context);
            assertTrue(SegmentBoundaries.lineEnds(text).isEmpty(), "a segment spans lines: " + context);
            assertEquals(text.codePoints().anyMatch(Character::isLetter), segment.translatable(), context);
            assertTrue(counter.applyAsInt(text) <= budget || isOneGrapheme(text),
                    "over budget: " + escape(text) + " in " + context);
        }
    }

    private static boolean isWhiteSpace(String text) {
        return text.codePoints().allMatch(SegmentedText::isWhiteSpace);
    }

    private static boolean isOneGrapheme(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        return characters.next() == text.length();
    }

    private static String escape(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }

    private static List<String> flores(String code) throws IOException {
        Path dir = Path.of(System.getProperty("sema.shared.dir", "../shared"), "flores200", "dev");
        Path plain = dir.resolve(code + ".dev");
        Path gzip = dir.resolve(code + ".dev.gz");
        assumeTrue(Files.exists(plain) || Files.exists(gzip), "SKIPPED: FLORES-200 " + code + " not found under "
                + dir.toAbsolutePath() + " (set -Dsema.shared.dir to the shared folder to run this test)");
        try (InputStream in = Files.exists(plain) ? Files.newInputStream(plain)
                : new GZIPInputStream(Files.newInputStream(gzip))) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(997, lines.size(), code);
            return lines;
        }
    }
}
