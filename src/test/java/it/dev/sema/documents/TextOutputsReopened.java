package it.dev.sema.documents;

import dev.sema.documents.office.LibreOffice;
import dev.sema.documents.office.Marks;
import dev.sema.documents.office.Reopened;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The text formats' outputs (plain text, subtitles, Markdown, XML, XLIFF) re-opened in LibreOffice headless, in one
 * soffice run: it has no import filter for subtitles, Markdown or XLIFF and opens each as text, so what it must show
 * is exactly the text written, whitespace aside; an output that is not clean UTF-8 or is cut short fails. The XML
 * ones must also parse in the JDK's strict parser (namespaces on, no DTD).
 */
final class TextOutputsReopened {

    private static final String TEXT = "txt:Text (encoded):UTF8";
    private static final String BOM = "\uFEFF";

    private TextOutputsReopened() {
    }

    /** @param outputs each downloaded file's content by its file name (the extension picks the checks) */
    static void assertReadAsWritten(Map<String, String> outputs) throws Exception {
        LibreOffice.assumeInstalled();
        Path dir = Files.createTempDirectory("sema-text-outputs-");
        List<Reopened.File> files = new ArrayList<>();
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            if (output.getKey().matches(".*\\.(xml|xlf|xliff)")) {
                parseStrictly(output.getKey(), output.getValue());
            }
            files.add(new Reopened.File(Files.writeString(dir.resolve(output.getKey()), output.getValue(),
                    StandardCharsets.UTF_8), TEXT));
        }
        Map<Path, String> reopened = Reopened.texts(files, dir.resolve("reopened"));
        for (Reopened.File file : files) {
            String name = file.path().getFileName().toString();
            String shown = reopened.get(file.path());
            String written = Marks.collapse(outputs.get(name));
            assertFalse(written.isEmpty(), name);
            assertEquals(written, shown.startsWith(BOM) ? shown.substring(1).strip() : shown,
                    name + " as LibreOffice reads it");
        }
    }

    private static void parseStrictly(String name, String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var builder = factory.newDocumentBuilder();
        try {
            builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(name + " is not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
