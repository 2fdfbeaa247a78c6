package it.dev.sema.documents;

import dev.sema.documents.office.LibreOffice;
import dev.sema.documents.office.Reopened;
import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documents lifecycle over HTTP on the echo model (semaIT): every format comes back with its text and structure
 * as they were, named and typed as uploaded (web pages and office files also as LibreOffice reads them); progress
 * and billing add up; a wrong key is an unknown document; bad files end as jobs in error with their reason, and
 * refusals get their 4xx — never a 5xx.
 */
class DocumentsEndpointIT {

    private static final Http HTTP = Http.main();
    private static final DocumentClient DOCS = new DocumentClient(HTTP);
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TEXT = "txt:Text (encoded):UTF8";

    static final String TXT = "First paragraph, with two\nlines of text.\n\nSecond paragraph.\n\n\nThird one.\n";
    static final String SRT = "1\n00:00:01,000 --> 00:00:03,500\nHello there, my friend.\n\n"
            + "2\n00:00:04,000 --> 00:00:06,000\nSee you tomorrow.\n";
    static final String VTT = "WEBVTT\n\nNOTE kept as it is\n\nintro\n00:00:01.000 --> 00:00:03.500 align:start\n"
            + "Hello there, my friend.\n\n00:00:04.000 --> 00:00:06.000\nSee you tomorrow.\n";
    static final String MD = "# The title\n\nSome *emphasis* and `code()` here,\nand a [link](http://x.org).\n\n"
            + "```java\nint keep = 1;\n```\n\n- first item\n- second **item**\n";
    static final String HTML = "<!DOCTYPE html><html><head><title>A page</title></head><body><h1>Welcome</h1>"
            + "<p>Read <b>this</b> and <a href=\"/x\">that</a>.</p><table><tr><td>One cell</td></tr></table>"
            + "<pre>code stays</pre></body></html>";
    static final String XML = "<?xml version=\"1.0\"?><doc><title>Manual</title><para>Turn the <b>knob</b>"
            + " slowly.</para></doc>";
    static final String XLIFF = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xliff version=\"1.2\""
            + " xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file source-language=\"en\" datatype=\"plaintext\""
            + " original=\"a\"><body><trans-unit id=\"1\"><source>Hello world</source></trans-unit>"
            + "<trans-unit id=\"2\"><source>Click <g id=\"b\">here</g> now</source></trans-unit></body></file></xliff>";
    static final String XLIFF_2 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\""
            + " srcLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>Good morning</source></segment>"
            + "</unit></file></xliff>";

    @BeforeAll
    static void modelsLoaded() {
        HTTP.awaitReady(Duration.ofSeconds(120));
    }

    /** Uploads, waits for the job and downloads; checks the name and type of the result. */
    private static String roundTrip(String name, String content, String contentType, String resultName) {
        JsonObject receipt = DOCS.upload(name, content, "fra_Latn").expect(202).json();
        assertEquals("queued", receipt.getString("status"));
        JsonObject status = DOCS.awaitEnd(receipt, DEADLINE);
        assertEquals("done", status.getString("status"), status::toString);
        assertEquals(status.getInt("segments_total"), status.getInt("segments_done"));
        DocumentClient.Reply result = DOCS.result(receipt.getString("document_id"),
                receipt.getString("document_key")).expect(200);
        assertEquals(contentType, result.response().headers().firstValue("Content-Type").orElse(""));
        assertTrue(result.response().headers().firstValue("Content-Disposition").orElse("")
                .contains("filename=\"" + resultName + "\""), result.response().headers().map()::toString);
        return result.text();
    }

    @Test
    void textFormatsComeBackExactlyOnTheEchoModel() {
        assertEquals(TXT, roundTrip("notes.txt", TXT, "text/plain;charset=UTF-8", "notes.fra_Latn.txt"));
        assertEquals(SRT, roundTrip("film.srt", SRT, "application/x-subrip;charset=UTF-8", "film.fra_Latn.srt"));
        assertEquals(VTT, roundTrip("film.vtt", VTT, "text/vtt;charset=UTF-8", "film.fra_Latn.vtt"));
        assertEquals(MD, roundTrip("README.md", MD, "text/markdown;charset=UTF-8", "README.fra_Latn.md"));
    }

    @Test
    void markupKeepsItsTagsAndTextOnTheEchoModel() throws Exception {
        LibreOffice.assumeInstalled();
        String html = roundTrip("page.html", HTML, "text/html;charset=UTF-8", "page.fra_Latn.html");
        assertEquals(Jsoup.parse(HTML).text(), Jsoup.parse(html).text());
        assertEquals("fr", Jsoup.parse(html).selectFirst("html").attr("lang"));
        assertEquals(Jsoup.parse(HTML).select("b, a[href=/x], td, pre").size(),
                Jsoup.parse(html).select("b, a[href=/x], td, pre").size());
        Path dir = Files.createTempDirectory("sema-html-");
        Path in = Files.writeString(dir.resolve("in.html"), HTML);
        Path out = Files.writeString(dir.resolve("out.html"), html);
        Map<Path, String> reopened = Reopened.texts(List.of(new Reopened.File(in, TEXT), new Reopened.File(out, TEXT)),
                dir.resolve("reopened"));
        assertEquals(reopened.get(in), reopened.get(out), "the page as LibreOffice reads it");
        String xml = roundTrip("manual.xml", XML, "application/xml;charset=UTF-8", "manual.fra_Latn.xml");
        assertEquals(Jsoup.parse(XML, Parser.xmlParser()).text(), Jsoup.parse(xml, Parser.xmlParser()).text());
        assertTrue(xml.contains("<b>knob</b>"), xml);
    }

    @Test
    void xliffTargetsAreFilledAndMarked() {
        String xliff = roundTrip("strings.xlf", XLIFF, "application/xliff+xml", "strings.fra_Latn.xlf");
        var document = Jsoup.parse(xliff, Parser.xmlParser());
        assertEquals("Hello world", document.select("trans-unit[id=1] > target").text());
        assertEquals("Click here now", document.select("trans-unit[id=2] > target").text());
        assertEquals(1, document.select("trans-unit[id=2] > target > g[id=b]").size(), xliff);
        assertEquals(2, document.select("target[state=translated]").size(), xliff);
        assertEquals("fr", document.selectFirst("file").attr("target-language"));
        String two = roundTrip("strings2.xlf", XLIFF_2, "application/xliff+xml", "strings2.fra_Latn.xlf");
        var second = Jsoup.parse(two, Parser.xmlParser());
        assertEquals("Good morning", second.select("segment[state=translated] > target").text(), two);
    }

    /** Every text format's output (the same as its input on this model) opens in LibreOffice as it was written. */
    @Test
    void textOutputsReopenInLibreOffice() throws Exception {
        LibreOffice.assumeInstalled();
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("notes.txt", roundTrip("notes.txt", TXT, "text/plain;charset=UTF-8", "notes.fra_Latn.txt"));
        outputs.put("film.srt", roundTrip("film.srt", SRT, "application/x-subrip;charset=UTF-8",
                "film.fra_Latn.srt"));
        outputs.put("film.vtt", roundTrip("film.vtt", VTT, "text/vtt;charset=UTF-8", "film.fra_Latn.vtt"));
        outputs.put("README.md", roundTrip("README.md", MD, "text/markdown;charset=UTF-8", "README.fra_Latn.md"));
        outputs.put("manual.xml", roundTrip("manual.xml", XML, "application/xml;charset=UTF-8",
                "manual.fra_Latn.xml"));
        outputs.put("strings.xlf", roundTrip("strings.xlf", XLIFF, "application/xliff+xml", "strings.fra_Latn.xlf"));
        outputs.put("strings2.xlf", roundTrip("strings2.xlf", XLIFF_2, "application/xliff+xml",
                "strings2.fra_Latn.xlf"));
        TextOutputsReopened.assertReadAsWritten(outputs);
    }

    /**
     * docx (by POI and by LibreOffice), odt, epub, pptx, odp, xlsx and ods: the same text in the same runs, links,
     * tables, headers, footers, notes, comments, text boxes, slide notes and cells; each re-opened by LibreOffice.
     */
    @Test
    void officeFilesMadeByRealProgramsComeBackWithTheirTextAndStructure() throws Exception {
        OfficeRoundTrip.assertEchoed(OfficeRoundTrip.translateAll(DOCS, DEADLINE));
    }

    @Test
    void progressAndBillingAddUp() {
        JsonObject receipt = DOCS.upload("notes.txt", TXT, "fra_Latn").expect(202).json();
        JsonObject status = DOCS.awaitEnd(receipt, DEADLINE);
        assertEquals(3, status.getInt("segments_total"));
        assertEquals(3, status.getInt("segments_done"));
        long characters = "First paragraph, with two\nlines of text.".length() + "Second paragraph.".length()
                + "Third one.".length();
        assertEquals(characters, status.getJsonNumber("billed_characters").longValue());
        assertEquals("eng_Latn", status.getString("source_language"));
        assertEquals(0, status.getInt("seconds_remaining"));
    }

    /**
     * With {@code Prefer: wait=N} each status answer comes when the job has ended or N seconds after the request,
     * never earlier (the upload's job is still queued or running when the first request arrives, as a rule, so a
     * server ignoring the wait answers it at once); a wrong key is refused as without it.
     */
    @Test
    void aStatusRequestWaitsForTheEnd() {
        JsonObject receipt = DOCS.upload("notes.txt", TXT, "fra_Latn").expect(202).json();
        String id = receipt.getString("document_id");
        String key = receipt.getString("document_key");
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String state;
        do {
            long asked = System.nanoTime();
            DocumentClient.Reply reply = DOCS.statusWaiting(id, key, 5).expect(200);
            long waited = System.nanoTime() - asked;
            assertEquals("wait=5", reply.response().headers().firstValue("Preference-Applied").orElse(""));
            state = reply.json().getString("status");
            String seen = state;
            assertTrue(seen.equals("done") || waited >= Duration.ofSeconds(5).toNanos(),
                    () -> seen + " answered after " + waited / 1_000_000 + " ms of a 5 s wait");
        } while (!state.equals("done") && System.nanoTime() < deadline);
        assertEquals("done", state);
        assertEquals(404, DOCS.statusWaiting(id, key.substring(1) + "A", 5).status());
    }

    @Test
    void aWrongKeyIsAnUnknownDocumentAndDeletionIsFinal() {
        JsonObject receipt = DOCS.upload("notes.txt", TXT, "fra_Latn").expect(202).json();
        String id = receipt.getString("document_id");
        String key = receipt.getString("document_key");
        JsonObject wrong = DOCS.status(id, key.substring(1) + "A").error(404, "document_not_found");
        assertFalse(wrong.toString().contains(key));
        DOCS.status(id, "").error(404, "document_not_found");
        DOCS.status("no-such-document", key).error(404, "document_not_found");
        DOCS.awaitEnd(receipt, DEADLINE);
        DOCS.result(id, key).expect(200);
        DOCS.result(id, key).error(404, "document_not_found"); // deleted after its download
        JsonObject other = DOCS.upload("notes.txt", TXT, "fra_Latn").expect(202).json();
        DOCS.delete(other.getString("document_id"), key).error(404, "document_not_found");
        DOCS.delete(other.getString("document_id"), other.getString("document_key")).expect(204);
        DOCS.status(other.getString("document_id"), other.getString("document_key")).error(404, "document_not_found");
    }

    @Test
    void unreadableFilesEndInErrorWithTheirReason() {
        String doctype = XLIFF.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        JsonObject receipt = DOCS.upload("evil.xlf", doctype, "fra_Latn").expect(202).json();
        JsonObject status = DOCS.awaitEnd(receipt, DEADLINE);
        assertEquals("error", status.getString("status"));
        assertTrue(status.getString("error").contains("DOCTYPE"), status::toString);
        assertFalse(status.toString().contains("root:"), status::toString);
        DOCS.result(receipt.getString("document_id"), receipt.getString("document_key"))
                .error(409, "document_not_ready");
        JsonObject badXml = DOCS.awaitEnd(DOCS.upload("broken.xml", "<doc><p>open</doc>", "fra_Latn")
                .expect(202).json(), DEADLINE);
        assertEquals("error", badXml.getString("status"), badXml::toString);
    }

    @Test
    void refusalsHaveTheirStatus() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
        DOCS.upload("image.png", png, Map.of("target_language", "fra_Latn"), Map.of())
                .error(415, "unsupported_document_type");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        DOCS.upload("large.txt", large, Map.of("target_language", "fra_Latn"), Map.of())
                .error(413, "document_too_large");
        DOCS.upload("notes.txt", TXT.getBytes(StandardCharsets.UTF_8), Map.of(), Map.of())
                .error(400, "missing_field");
        DOCS.upload("notes.txt", TXT.getBytes(StandardCharsets.UTF_8), Map.of("target_language", "klingon"),
                Map.of()).error(400, "unsupported_language");
    }
}
