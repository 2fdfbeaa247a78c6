package dev.sema.documents.format;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text formats without a model: each file round-trips byte for byte when every part comes back as it went, and
 * with every part's words changed exactly the translatable text changes (upper-casing stands in for a model).
 */
class TextFormatsTest {

    private static final String SRT = "1\n00:00:01,000 --> 00:00:03,500\nHello there,\nmy friend.\n\n"
            + "2\n00:00:04,000 --> 00:00:06,000\nSee you tomorrow.\n";
    private static final String VTT = "WEBVTT\n\nNOTE a note stays\n\nintro\n00:00:01.000 --> 00:00:03.500 align:start\n"
            + "Hello there,\nmy friend.\n\n00:00:04.000 --> 00:00:06.000\nSee you tomorrow.\n";
    private static final String MD = "# The title\n\nSome *emphasis* and `code()` here,\nand a [link](http://x.org \"t\").\n\n"
            + "```java\nint keep = 1;\n```\n\n- first item\n- second **item**\n\n> quoted\n> text\n";
    private static final String TXT = "\nFirst paragraph\nwith two lines.\n\n\n  Second one.  \n";
    private static final String XLIFF_12 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xliff version=\"1.2\""
            + " xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file source-language=\"en\" datatype=\"plaintext\""
            + " original=\"a\"><body><trans-unit id=\"1\"><source>Hello world</source></trans-unit>"
            + "<trans-unit id=\"2\"><source>Click <g id=\"b\">here</g> now</source><target>old</target></trans-unit>"
            + "<trans-unit id=\"3\" translate=\"no\"><source>Brand</source></trans-unit></body></file></xliff>";
    private static final String XLIFF_2 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\""
            + " srcLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>Good morning</source></segment>"
            + "</unit></file></xliff>";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String echo(DocumentFormat format, String file) {
        List<String> same = format.extract(bytes(file)).stream().map(DocumentPart::content).toList();
        return new String(format.rebuild(bytes(file), same, "fr"), StandardCharsets.UTF_8);
    }

    private static String upper(DocumentFormat format, String file) {
        List<String> changed = format.extract(bytes(file)).stream().map(TextFormatsTest::upper).toList();
        return new String(format.rebuild(bytes(file), changed, "fr"), StandardCharsets.UTF_8);
    }

    /** Upper-cases the words of a part; markup's text nodes only, outside code (as the engine keeps code). */
    private static String upper(DocumentPart part) {
        if (part.kind() == PartKind.TEXT) {
            return part.content().toUpperCase(Locale.ROOT);
        }
        Document html = Jsoup.parseBodyFragment(part.content());
        html.outputSettings().prettyPrint(false);
        html.body().select(":not(code)").forEach(e -> e.textNodes()
                .forEach(t -> t.text(t.text().toUpperCase(Locale.ROOT))));
        return html.body().html();
    }

    @Test
    void textKeepsItsBlankLinesAndSpacing() {
        TextFormat txt = new TextFormat();
        assertEquals(2, txt.extract(bytes(TXT)).size());
        assertEquals(TXT, echo(txt, TXT));
        assertEquals(TXT.toUpperCase(Locale.ROOT), upper(txt, TXT));
    }

    @Test
    void subtitlesKeepNumbersTimingsAndSettings() {
        SrtFormat srt = new SrtFormat();
        assertEquals(List.of("Hello there, my friend.", "See you tomorrow."),
                srt.extract(bytes(SRT)).stream().map(DocumentPart::content).toList());
        assertEquals(SRT.replace("there,\nmy", "there, my"), echo(srt, SRT));
        VttFormat vtt = new VttFormat();
        String upper = upper(vtt, VTT);
        assertTrue(upper.startsWith("WEBVTT\n\nNOTE a note stays\n\nintro\n00:00:01.000 --> 00:00:03.500 align:start\n"
                + "HELLO THERE, MY FRIEND.\n"), upper);
        assertTrue(upper.endsWith("00:00:04.000 --> 00:00:06.000\nSEE YOU TOMORROW.\n"), upper);
    }

    @Test
    void longCuesAreWrappedAgain() {
        assertEquals(List.of("one two three four five six seven eight", "nine ten"),
                CueFile.wrap("one two three four five six seven eight nine ten"));
    }

    @Test
    void markdownTranslatesTextAndKeepsCodeAndMarkers() {
        MarkdownFormat md = new MarkdownFormat();
        assertEquals(MD, echo(md, MD));
        String upper = upper(md, MD);
        assertEquals("# THE TITLE\n\nSOME *EMPHASIS* AND `code()` HERE,\nAND A [LINK](http://x.org \"t\").\n\n"
                + "```java\nint keep = 1;\n```\n\n- FIRST ITEM\n- SECOND **ITEM**\n\n> QUOTED\n> TEXT\n", upper);
    }

    @Test
    void xliffFillsTargetsSetsStatesAndSkipsUntranslatable() {
        XliffFormat xliff = new XliffFormat();
        List<DocumentPart> parts = xliff.extract(bytes(XLIFF_12));
        assertEquals(2, parts.size());
        assertEquals(PartKind.TEXT, parts.get(0).kind());
        assertEquals(PartKind.XML, parts.get(1).kind());
        String out = new String(xliff.rebuild(bytes(XLIFF_12), List.of("Bonjour le monde",
                parts.get(1).content().replace("Click", "Cliquez").replace("now", "maintenant")), "fr"),
                StandardCharsets.UTF_8);
        assertTrue(out.contains("<source>Hello world</source><target state=\"translated\">Bonjour le monde</target>"),
                out);
        assertTrue(out.contains("<target state=\"translated\">Cliquez <g id=\"b\">here</g> maintenant</target>"), out);
        assertTrue(out.contains("target-language=\"fr\""), out);
        assertFalse(out.contains("old"), out);
        String two = new String(xliff.rebuild(bytes(XLIFF_2), List.of("Bonjour"), "fr"), StandardCharsets.UTF_8);
        assertTrue(two.contains("<segment state=\"translated\"><source>Good morning</source><target>Bonjour</target>"),
                two);
        assertTrue(two.contains("trgLang=\"fr\""), two);
    }

    @Test
    void xliffWithADoctypeIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>" + XLIFF_2.substring(0);
        assertThrows(UnreadableDocumentException.class, () -> new XliffFormat().extract(bytes(bomb)));
    }

    @Test
    void formatsRecogniseByContentWithTheNameAsAHint() {
        assertTrue(new SrtFormat().recognises(new FileSample("x.txt", bytes(SRT))));
        assertTrue(new VttFormat().recognises(new FileSample(null, bytes(VTT))));
        assertFalse(new VttFormat().recognises(new FileSample("a.vtt", bytes(TXT))));
        assertTrue(new XliffFormat().recognises(new FileSample("a.xml", bytes(XLIFF_12))));
        assertTrue(new HtmlFormat().recognises(new FileSample(null, bytes("<!DOCTYPE html><p>x</p>"))));
        assertTrue(new MarkdownFormat().recognises(new FileSample(null, bytes(MD))));
        assertTrue(new MarkdownFormat().recognises(new FileSample("notes.md", bytes(TXT))));
        assertFalse(new MarkdownFormat().recognises(new FileSample("notes.txt", bytes(TXT))));
        assertFalse(new TextFormat().recognises(new FileSample("a.txt", new byte[] {(byte) 0xff, 0, 1, 2})));
        assertTrue(new XmlFormat().recognises(new FileSample(null, bytes("<root>x</root>"))));
    }
}
