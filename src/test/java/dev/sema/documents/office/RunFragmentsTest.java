package dev.sema.documents.office;

import dev.sema.documents.format.DocumentPart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What rebuilding makes of translations whose tags moved, went missing or came twice, on POI's docx: the first
 * paragraph is {@code The quick <g1>brown fox</g1> jumps over the <g2>lazy dog</g2>.<x3/>} (x3: the footnote
 * reference).
 */
class RunFragmentsTest {

    private final DocxFormat docx = new DocxFormat(OfficeCases.LIMITS);

    private String firstAfter(String translation) throws Exception {
        byte[] file = OoxmlFixtures.docx();
        List<String> translations = new ArrayList<>(docx.extract(file).stream().map(DocumentPart::content).toList());
        translations.set(0, translation);
        return docx.extract(docx.rebuild(file, translations, "de")).get(0).content();
    }

    @Test
    void theFirstParagraphIsWhatTheseTestsAssume() throws Exception {
        assertEquals("<p>The quick <g id=\"1\">brown fox</g> jumps over the <g id=\"2\">lazy dog</g>.<x id=\"3\"/>"
                + "</p>", docx.extract(OoxmlFixtures.docx()).get(0).content());
    }

    @Test
    void runsFollowTheirWordsToNewPlaces() throws Exception {
        byte[] file = OoxmlFixtures.docx();
        List<String> translations = new ArrayList<>(docx.extract(file).stream().map(DocumentPart::content).toList());
        translations.set(0, "<p>Der <g id=\"2\">faule Hund</g> wird vom <g id=\"1\">braunen Fuchs</g> "
                + "übersprungen.<x id=\"3\"/></p>");
        try (XWPFDocument out = new XWPFDocument(new ByteArrayInputStream(docx.rebuild(file, translations, "de")))) {
            assertEquals(List.of("Der |-", "faule Hund|i", " wird vom |-", "braunen Fuchs|b", " übersprungen.|-",
                    "[footnoteRef:1]|-"), out.getParagraphs().get(0).getRuns().stream()
                    .map(r -> r.text() + "|" + (r.isBold() ? "b" : r.isItalic() ? "i" : "-")).toList());
        }
    }

    @Test
    void aLostNoteReferenceIsPutBackAtTheEndAndADoubledOneKeptOnce() throws Exception {
        String end = "<p>Der <g id=\"1\">Fuchs</g> und der <g id=\"2\">Hund</g>.<x id=\"3\"/></p>";
        assertEquals(end, firstAfter("<p>Der <g id=\"1\">Fuchs</g> und der <g id=\"2\">Hund</g>.</p>"));
        assertEquals("<p><x id=\"1\"/>Der <g id=\"2\">Fuchs</g> und der <g id=\"3\">Hund</g>.</p>",
                firstAfter("<p><x id=\"3\"/>Der <g id=\"1\">Fuchs</g> und der <g id=\"2\">Hund</g>.<x id=\"3\"/>"
                        + "</p>"));
    }

    @Test
    void unknownTagsLeaveTheirTextInTheSurroundingRun() throws Exception {
        assertEquals("<p>Der schnelle Fuchs.<x id=\"1\"/></p>",
                firstAfter("<p>Der <b>schnelle</b> <g id=\"9\">Fuchs</g>.<x id=\"3\"/></p>"));
    }

    @Test
    void aTranslationThatIsNotXmlOrTheWrongCountIsAProgrammingError() throws Exception {
        byte[] file = OoxmlFixtures.docx();
        List<String> parts = docx.extract(file).stream().map(DocumentPart::content).toList();
        List<String> broken = new ArrayList<>(parts);
        broken.set(0, "<p>Der <g id=\"1\">Fuchs</p>");
        assertThrows(IllegalArgumentException.class, () -> docx.rebuild(file, broken, "de"));
        assertThrows(IllegalArgumentException.class, () -> docx.rebuild(file, parts.subList(1, parts.size()), "de"));
        List<String> more = new ArrayList<>(parts);
        more.add("<p>extra</p>");
        assertThrows(IllegalArgumentException.class, () -> docx.rebuild(file, more, "de"));
    }
}
