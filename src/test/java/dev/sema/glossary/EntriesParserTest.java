package dev.sema.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sema.failure.InvalidGlossaryException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EntriesParserTest {

    @Test
    void tsvAndCsvGiveTheSameEntriesAndRoundTrip() {
        List<GlossaryEntry> tsv = EntriesParser.parse("Kenya Power\tKenya Power\n\nlaptop\tordinateur portable\n",
                EntriesFormat.TSV, "entries");
        List<GlossaryEntry> csv = EntriesParser.parse("Kenya Power,Kenya Power\r\nlaptop,\"ordinateur portable\"",
                EntriesFormat.CSV, "entries");
        assertEquals(List.of(new GlossaryEntry("Kenya Power", "Kenya Power"),
                new GlossaryEntry("laptop", "ordinateur portable")), tsv);
        assertEquals(tsv, csv);
        List<GlossaryEntry> quoted = List.of(new GlossaryEntry("a, \"b\"", "c"));
        assertEquals(quoted, EntriesParser.parse(EntriesParser.write(quoted, EntriesFormat.CSV), EntriesFormat.CSV, "e"));
        assertEquals(tsv, EntriesParser.parse(EntriesParser.write(tsv, EntriesFormat.TSV), EntriesFormat.TSV, "e"));
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        String text = "ok\tfine\n\tempty source\nempty target\t\nOK\tduplicate by case\nthree\tfields\there\n"
                + "x".repeat(201) + "\ttoo long\n";
        InvalidGlossaryException e = assertThrows(InvalidGlossaryException.class,
                () -> EntriesParser.parse(text, EntriesFormat.TSV, "dictionaries[0].entries"));
        assertEquals("dictionaries[0].entries", e.field());
        assertEquals(List.of("line 2: empty source term", "line 3: empty target term",
                "line 4: source term duplicates line 1", "line 5: expected 2 TSV fields (source, target)",
                "line 6: a term is longer than 200 characters"), e.problems());
    }

    @Test
    void moreThanTenThousandEntriesAreRefused() {
        String text = IntStream.range(0, 10_001).mapToObj(i -> "term" + i + "\tt" + i).collect(Collectors.joining("\n"));
        InvalidGlossaryException e = assertThrows(InvalidGlossaryException.class,
                () -> EntriesParser.parse(text, EntriesFormat.TSV, "entries"));
        assertEquals(List.of("10001 entries, more than 10000"), e.problems());
        assertEquals(10_000, EntriesParser.parse(text.substring(0, text.lastIndexOf('\n')), EntriesFormat.TSV, "e").size());
    }

    @Test
    void anEmptyDictionaryIsRefused() {
        assertThrows(InvalidGlossaryException.class, () -> EntriesParser.parse("\n \n", EntriesFormat.CSV, "entries"));
    }
}
