package dev.sema.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermMatcherTest {

    private static List<String> found(TermMatcher matcher, String text) {
        return matcher.find(text).stream().map(m -> text.substring(m.start(), m.end()) + "→" + m.entry().target()).toList();
    }

    private static TermMatcher matcher(String... pairs) {
        List<GlossaryEntry> entries = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(new GlossaryEntry(pairs[i], pairs[i + 1]));
        }
        return new TermMatcher(entries);
    }

    @Test
    void caseInsensitiveOnWholeWordsOnly() {
        TermMatcher matcher = matcher("power", "énergie", "Kenya Power", "Kenya Power");
        assertEquals(List.of("KENYA POWER→Kenya Power", "Power→énergie"),
                found(matcher, "KENYA POWER sells Power, not powerful empowerment."));
    }

    @Test
    void longestFromTheEarliestStartAndNeverOverlapping() {
        TermMatcher matcher = matcher("new york", "NY", "york times", "YT", "new", "N", "times", "T");
        assertEquals(List.of("New York→NY", "Times→T"), found(matcher, "New York Times"));
        assertEquals(List.of("York Times→YT", "new→N"), found(matcher, "York Times, new"));
    }

    @Test
    void scriptsWithoutSpacesMatchInsideWords() {
        TermMatcher matcher = matcher("東京", "Tokyo", "ไฟฟ้า", "electricity");
        assertEquals(List.of("東京→Tokyo"), found(matcher, "私は東京都に住んでいます"));
        assertEquals(List.of("ไฟฟ้า→electricity"), found(matcher, "การไฟฟ้านครหลวง"));
    }

    @Test
    void foldingKeepsOffsetsForGreekAndTurkish() {
        TermMatcher matcher = matcher("σοφία", "wisdom");
        List<TermMatch> matches = matcher.find("Η ΣΟΦΊΑ και η σοφία");
        assertEquals(2, matches.size());
        assertEquals(2, matches.get(0).start());
        assertTrue(matcher.find("ΣΟΦΊΑΣ").isEmpty(), "a longer word is not the term");
    }
}
