package dev.sema.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    /** Tokens ≈ words, or characters for scripts without spaces: enough to exercise the budget. */
    static final ToIntFunction<String> WORDS = text -> text.strip().isEmpty() ? 0 : text.strip().split("\\s+").length;
    static final ToIntFunction<String> CODE_POINTS = text -> (int) text.codePoints().count();
    /** NLLB's training length, in tokens: the widest budget the tests use. */
    static final int NLLB_TRAINING_LENGTH = 512;

    private final Segmenter segmenter = new Segmenter(WORDS, NLLB_TRAINING_LENGTH);

    private static List<String> texts(SegmentedText segmented) {
        return segmented.segments().stream().map(Segment::text).toList();
    }

    private static List<String> separators(SegmentedText segmented) {
        return segmented.segments().stream().map(Segment::separator).toList();
    }

    @Test
    void splitsSentencesAndKeepsTheExactSpacing() {
        SegmentedText segmented = segmenter.segment("Hello world. How are you?  Fine!", "eng_Latn");
        assertEquals(List.of("Hello world.", "How are you?", "Fine!"), texts(segmented));
        assertEquals(List.of(" ", "  ", ""), separators(segmented));
        assertEquals("", segmented.leading());
    }

    @Test
    void keepsParagraphsLeadingAndTrailingWhiteSpace() {
        String text = "  \n Title\r\n\r\nFirst line. Second.\n\tIndented line \n";
        SegmentedText segmented = segmenter.segment(text, "eng_Latn");
        assertEquals("  \n ", segmented.leading());
        assertEquals(List.of("Title", "First line.", "Second.", "Indented line"), texts(segmented));
        assertEquals(List.of("\r\n\r\n", " ", "\n\t", " \n"), separators(segmented));
        assertEquals(text, segmented.original());
        assertEquals("  \n <Title>\r\n\r\n<First line.> <Second.>\n\t<Indented line> \n",
                segmented.join(sentence -> "<" + sentence + ">"));
    }

    @Test
    void noBreakAndIdeographicSpacesAreSeparatorsToo() {
        SegmentedText segmented = segmenter.segment("\u00A0Hello.\u00A0Bye.\u00A0", "eng_Latn");
        assertEquals("\u00A0", segmented.leading());
        assertEquals(List.of("Hello.", "Bye."), texts(segmented));
        assertEquals(List.of("\u00A0", "\u00A0"), separators(segmented));
        assertEquals(List.of("你好。", "再见。"), texts(segmenter.segment("你好。\u3000再见。", "zho_Hans")));
    }

    @Test
    void linesAreNeverJoinedEvenWithoutPunctuation() {
        assertEquals(List.of("first line", "second line"), texts(segmenter.segment("first line\nsecond line", "eng_Latn")));
    }

    @Test
    void doesNotBreakAfterEnglishAbbreviations() {
        assertEquals(List.of("Mr. Smith went to Washington.", "He left."),
                texts(segmenter.segment("Mr. Smith went to Washington. He left.", "eng_Latn")));
    }

    @Test
    void splitsScriptsWithoutSpaces() {
        assertEquals(List.of("我喜欢猫。", "你呢？", "很好！"), texts(segmenter.segment("我喜欢猫。你呢？很好！", "zho_Hans")));
        assertEquals(List.of("今日は晴れです。", "明日は雨でしょう。"),
                texts(segmenter.segment("今日は晴れです。明日は雨でしょう。", "jpn_Jpan")));
        assertEquals(List.of("مرحبا بك.", "كيف حالك؟", "أنا بخير."),
                texts(segmenter.segment("مرحبا بك. كيف حالك؟ أنا بخير.", "arb_Arab")));
    }

    @Test
    void passesPunctuationDigitsAndEmojiThrough() {
        SegmentedText segmented = segmenter.segment("...\n2024\n😀 👍\nOK.\n---", "eng_Latn");
        assertEquals(List.of(false, false, false, true, false),
                segmented.segments().stream().map(Segment::translatable).toList());
        assertEquals("...\n2024\n😀 👍\nok.\n---", segmented.join(String::toLowerCase));
    }

    @Test
    void cutsAnOverlongSentenceAtClausesThenWordsThenCharacters() {
        Segmenter fiveWords = new Segmenter(WORDS, 5);
        assertEquals(List.of("One two three, four five,", "six seven; eight nine ten:", "eleven twelve."),
                texts(fiveWords.segment("One two three, four five, six seven; eight nine ten: eleven twelve.", "eng_Latn")));
        assertEquals(List.of("a b c d e", "f g h i j", "k"), texts(fiveWords.segment("a b c d e f g h i j k", "eng_Latn")));
        assertEquals(List.of("It costs 1,000 or 2,000", "dollars."),
                texts(fiveWords.segment("It costs 1,000 or 2,000 dollars.", "eng_Latn")), "no cut inside numbers");

        Segmenter fourChars = new Segmenter(CODE_POINTS, 4);
        assertEquals(List.of("abcd", "efgh", "ij"), texts(fourChars.segment("abcdefghij", "eng_Latn")));
        assertEquals(List.of("e\u0301e\u0301", "😀😀"), texts(new Segmenter(CODE_POINTS, 4)
                .segment("e\u0301e\u0301😀😀", "eng_Latn")), "never inside a grapheme or surrogate pair");
    }

    @Test
    void cutsLongThaiAtPhraseSpacesAndLongChineseAtWords() {
        Segmenter budget = new Segmenter(CODE_POINTS, 20);
        String thai = "ฉันชอบกินข้าวผัดมาก วันนี้อากาศดีมาก พรุ่งนี้ฝนจะตก";
        assertEquals(List.of("ฉันชอบกินข้าวผัดมาก", "วันนี้อากาศดีมาก", "พรุ่งนี้ฝนจะตก"), texts(budget.segment(thai, "tha_Thai")));

        String chinese = "中华人民共和国成立于一九四九年北京是中国的首都也是政治和文化中心";
        BreakIterator words = BreakIterator.getWordInstance(ULocale.CHINESE);
        words.setText(chinese);
        for (int budgetChars = 5; budgetChars <= 12; budgetChars++) {
            SegmentedText segmented = new Segmenter(CODE_POINTS, budgetChars).segment(chinese, "zho_Hans");
            assertEquals(chinese, String.join("", texts(segmented)));
            int cut = 0;
            for (String piece : texts(segmented)) {
                assertTrue(piece.codePointCount(0, piece.length()) <= budgetChars, piece);
                cut += piece.length();
                assertTrue(words.isBoundary(cut), "cut at " + cut + " is not between dictionary words: " + texts(segmented));
            }
        }
    }

    @Test
    void mapsFloresCodesToIcuLocales() {
        assertEquals("zh", Segmenter.localeOf("zho_Hans").getLanguage());
        assertEquals("Hans", Segmenter.localeOf("zho_Hans").getScript());
        assertEquals("en", Segmenter.localeOf("eng_Latn").getLanguage());
        assertEquals("arb", Segmenter.localeOf("arb_Arab").getLanguage());
        assertEquals("", Segmenter.localeOf("not a code").getLanguage());
        assertFalse(Arrays.asList("", null).contains(Segmenter.localeOf("eng_Latn").getKeywordValue("ss")));
    }
}
