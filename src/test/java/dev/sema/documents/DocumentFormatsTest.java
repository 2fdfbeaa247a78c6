package dev.sema.documents;

import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.HtmlFormat;
import dev.sema.documents.format.MarkdownFormat;
import dev.sema.documents.format.SrtFormat;
import dev.sema.documents.format.TextFormat;
import dev.sema.documents.format.VttFormat;
import dev.sema.documents.format.XliffFormat;
import dev.sema.documents.format.XmlFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each file goes to the most specific format that recognises it, whatever order the beans come in. */
class DocumentFormatsTest {

    private static final Map<String, String> FILES = Map.of(
            "<?xml version=\"1.0\"?><doc><p>Turn the knob.</p></doc>", "xml",
            "<doc><p>open</doc>", "xml",
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"><file id=\"f\"/></xliff>", "xliff",
            "<!DOCTYPE html><p>Hello</p>", "html",
            "1\n00:00:01,000 --> 00:00:02,000\nHello\n", "srt",
            "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", "vtt",
            "# Title\n\nSee [the docs](http://x.org).\n", "md",
            "Just some words.\n\nAnd more.\n", "txt");

    @Test
    void theMostSpecificRecognisingFormatWins() {
        List<dev.sema.documents.format.DocumentFormat> beans = List.of(new TextFormat(), new XmlFormat(),
                new XliffFormat(), new HtmlFormat(), new SrtFormat(), new VttFormat(), new MarkdownFormat());
        List<dev.sema.documents.format.DocumentFormat> reversed = new java.util.ArrayList<>(beans);
        java.util.Collections.reverse(reversed);
        for (List<dev.sema.documents.format.DocumentFormat> order : List.of(beans, reversed)) {
            DocumentFormats formats = new DocumentFormats(order);
            FILES.forEach((file, format) -> assertEquals(format, formats.recognise(new FileSample(null,
                    file.getBytes(StandardCharsets.UTF_8))).orElseThrow().name(), file));
        }
        assertTrue(new DocumentFormats(beans).recognise(new FileSample("a.png", new byte[] {(byte) 0x89, 0}))
                .isEmpty());
    }
}
