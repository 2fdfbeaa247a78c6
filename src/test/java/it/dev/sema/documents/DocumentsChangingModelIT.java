package it.dev.sema.documents;

import dev.sema.documents.office.LibreOffice;
import it.dev.sema.cluster.Cluster;
import jakarta.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documents service on a model that changes every text (the random-weight NLLB test model, one replica of its
 * own): every translatable part comes back changed, and everything else (paragraph breaks, cue numbers and timings,
 * code, tags, XLIFF sources) exactly as it was.
 */
class DocumentsChangingModelIT {

    @RegisterExtension
    static final Cluster TINY = Cluster.of(1).with("SEMA_MODEL_DIR",
            System.getProperty("sema.test.models") + "/nllb-tiny");

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    private static String translated(String name, String content) {
        DocumentClient client = new DocumentClient(TINY.replica(1));
        JsonObject receipt = client.upload(name, content, "fra_Latn").expect(202).json();
        JsonObject status = client.awaitEnd(receipt, DEADLINE);
        assertEquals("done", status.getString("status"), status::toString);
        return client.result(receipt.getString("document_id"), receipt.getString("document_key")).expect(200).text();
    }

    @Test
    void textParagraphsAllChangeAndTheirBreaksStay() {
        String out = translated("notes.txt", DocumentsEndpointIT.TXT);
        List<String> before = List.of(BLANK_LINES.split(DocumentsEndpointIT.TXT.strip()));
        List<String> after = List.of(BLANK_LINES.split(out.strip()));
        assertEquals(before.size(), after.size(), out);
        for (int i = 0; i < before.size(); i++) {
            assertNotEquals(before.get(i), after.get(i), "paragraph " + i + " unchanged");
        }
    }

    @Test
    void subtitleTextsChangeAndNumbersAndTimingsStay() {
        for (String[] file : new String[][] {{"film.srt", DocumentsEndpointIT.SRT},
                {"film.vtt", DocumentsEndpointIT.VTT}}) {
            String out = translated(file[0], file[1]);
            List<String> before = file[1].lines().toList();
            List<String> kept = before.stream().filter(l -> l.contains("-->") || l.matches("\\d+") || l.isBlank()
                    || l.startsWith("WEBVTT") || l.startsWith("NOTE") || l.equals("intro")).toList();
            List<String> outLines = out.lines().toList();
            assertEquals(kept, outLines.stream().filter(kept::contains).toList(), out);
            assertTrue(outLines.stream().noneMatch(l -> l.contains("Hello there") || l.contains("See you")), out);
        }
    }

    @Test
    void markdownTextChangesAndCodeAndMarkersStay() {
        String out = translated("README.md", DocumentsEndpointIT.MD);
        assertTrue(out.startsWith("# "), out);
        assertTrue(out.contains("`code()`"), out);
        assertTrue(out.contains("```java\nint keep = 1;\n```"), out);
        assertTrue(out.contains("](http://x.org)"), out);
        for (String text : List.of("The title", "Some", "first item", "second")) {
            assertTrue(!out.contains(text), text + " unchanged: " + out);
        }
    }

    @Test
    void markupTextChangesAndEveryTagStays() {
        String out = translated("page.html", DocumentsEndpointIT.HTML);
        Document before = Jsoup.parse(DocumentsEndpointIT.HTML);
        Document after = Jsoup.parse(out);
        assertEquals(tags(before), tags(after), out);
        assertEquals("code stays", after.selectFirst("pre").text());
        for (String selector : List.of("h1", "td")) {
            assertNotEquals(before.selectFirst(selector).text(), after.selectFirst(selector).text(), selector);
        }
    }

    @Test
    void xliffTargetsChangeAndSourcesAndCodesStay() {
        String out = translated("strings.xlf", DocumentsEndpointIT.XLIFF);
        Document document = Jsoup.parse(out, Parser.xmlParser());
        assertEquals("Hello world", document.select("trans-unit[id=1] > source").text());
        assertNotEquals("Hello world", document.select("trans-unit[id=1] > target").text());
        assertEquals(1, document.select("trans-unit[id=2] > target g[id=b]").size(), out);
        assertEquals(2, document.select("target[state=translated]").size(), out);
        Document two = Jsoup.parse(translated("strings2.xlf", DocumentsEndpointIT.XLIFF_2), Parser.xmlParser());
        assertEquals("Good morning", two.select("segment > source").text());
        assertNotEquals("Good morning", two.select("segment[state=translated] > target").text(), two::outerHtml);
        assertFalse(two.select("segment[state=translated] > target").text().isBlank(), two::outerHtml);
    }

    /** Every office format: each part's text changed, its tags, links, formulas and numbers kept. */
    /** Every text format's changed output opens in LibreOffice as it was written. */
    @Test
    void textOutputsReopenInLibreOffice() throws Exception {
        LibreOffice.assumeInstalled();
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String[] file : new String[][] {{"notes.txt", DocumentsEndpointIT.TXT},
                {"film.srt", DocumentsEndpointIT.SRT}, {"film.vtt", DocumentsEndpointIT.VTT},
                {"README.md", DocumentsEndpointIT.MD}, {"manual.xml", DocumentsEndpointIT.XML},
                {"strings.xlf", DocumentsEndpointIT.XLIFF}, {"strings2.xlf", DocumentsEndpointIT.XLIFF_2}}) {
            String out = translated(file[0], file[1]);
            assertNotEquals(file[1], out, file[0]);
            outputs.put(file[0], out);
        }
        TextOutputsReopened.assertReadAsWritten(outputs);
    }

    @Test
    void officeFilesChangeEveryPartAndNothingElse() throws Exception {
        OfficeRoundTrip.assertChanged(OfficeRoundTrip.translateAll(new DocumentClient(TINY.replica(1)),
                DEADLINE));
    }

    /**
     * The element names, sorted: every tag is still there. (Their order inside a sentence is the aligner's projection,
     * which a model emitting random words gives nothing to go by.)
     */
    private static List<String> tags(Document document) {
        return document.getAllElements().stream().map(Element::tagName).sorted().toList();
    }
}
