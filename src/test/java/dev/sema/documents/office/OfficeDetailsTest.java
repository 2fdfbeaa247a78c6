package dev.sema.documents.office;

import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.PartKind;
import dev.sema.markup.MarkupDocument;
import dev.sema.markup.MarkupOptions;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each format keeps besides its text: run formatting, links, formulas, numbers, notes, language attributes. */
class OfficeDetailsTest {

    @BeforeAll
    static void libreOffice() {
        LibreOffice.assumeInstalled();
    }

    private static byte[] marked(String name, String tag) throws Exception {
        OfficeCases.Case c = OfficeCases.get(name);
        return c.format().rebuild(c.file(), Marks.mark(c.format().extract(c.file())), tag);
    }

    @Test
    void docxRunsKeepBoldItalicAndLinksAroundTheirNewText() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(marked("docx by POI", "fr")))) {
            XWPFParagraph first = doc.getParagraphs().get(0);
            assertTrue(first.getText().startsWith("»THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG."), first.getText());
            assertEquals(List.of("»THE QUICK |-", "BROWN FOX|b", " JUMPS OVER THE |-", "LAZY DOG|i", ".|-",
                            "[footnoteRef:1]|-"),
                    first.getRuns().stream().filter(r -> !r.text().isEmpty()).map(OfficeDetailsTest::run).toList());
            XWPFHyperlinkRun link = (XWPFHyperlinkRun) doc.getParagraphs().get(1).getRuns().stream()
                    .filter(r -> r instanceof XWPFHyperlinkRun).findFirst().orElseThrow();
            assertEquals("OUR WEBSITE", link.text());
            assertEquals("https://example.org/", link.getHyperlink(doc).getURL());
            assertEquals("»CONFIDENTIAL HEADER TEXT", doc.getHeaderList().get(0).getText().strip());
            assertEquals("»FOOTER OF EVERY PAGE", doc.getFooterList().get(0).getText().strip());
            assertTrue(doc.getFootnotes().stream().anyMatch(f -> f.getParagraphs().stream()
                    .anyMatch(p -> p.getText().contains("»FOXES ARE NOT REALLY BROWN."))));
            assertEquals("»PLEASE CHECK THIS LINE.", doc.getComments()[0].getText());
            XWPFRun cell = doc.getTables().get(0).getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertEquals("»VERY GREEN|b", run(cell));
            assertEquals(1, doc.getParagraphs().get(2).getCTP().getRList().stream()
                    .filter(r -> !r.getTabList().isEmpty()).count(), "the tab is kept");
        }
    }

    private static String run(XWPFRun run) {
        return run.text() + "|" + (run.isBold() ? "b" : run.isItalic() ? "i" : "-");
    }

    @Test
    void xlsxTextCellsChangeWhileFormulasAndNumbersStay() throws Exception {
        OfficeCases.Case c = OfficeCases.get("xlsx by POI");
        try (XSSFWorkbook before = new XSSFWorkbook(new ByteArrayInputStream(c.file()));
             XSSFWorkbook after = new XSSFWorkbook(new ByteArrayInputStream(marked(c.name(), "fr")))) {
            XSSFSheet in = before.getSheetAt(0);
            XSSFSheet out = after.getSheetAt(0);
            assertEquals("Prices", out.getSheetName());
            int strings = 0;
            for (int r = 0; r <= in.getLastRowNum(); r++) {
                for (Cell cell : in.getRow(r)) {
                    Cell translated = out.getRow(r).getCell(cell.getColumnIndex());
                    assertEquals(cell.getCellType(), translated.getCellType());
                    if (cell.getCellType() == CellType.FORMULA) {
                        assertEquals(cell.getCellFormula(), translated.getCellFormula());
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        assertEquals(cell.getNumericCellValue(), translated.getNumericCellValue());
                    } else {
                        strings++;
                        assertEquals(Marks.MARK + cell.getStringCellValue().toUpperCase(Locale.ROOT),
                                translated.getStringCellValue());
                    }
                }
            }
            assertEquals(5, strings);
            XSSFRichTextString rich = (XSSFRichTextString) out.getRow(2).getCell(0).getRichStringCellValue();
            assertEquals(3, rich.numFormattingRuns());
            assertTrue(rich.getFontOfFormattingRun(1).getBold());
            assertEquals("»CHECK THIS PRICE AGAIN.", out.getCellComment(new org.apache.poi.ss.util.CellAddress("B2"))
                    .getString().getString());
        }
    }

    @Test
    void odsFormulaAndValueCellsStayAsTheyWere() throws Exception {
        OfficeCases.Case c = OfficeCases.get("ods by LibreOffice");
        List<String> before = valueCells(c.file());
        List<String> after = valueCells(marked(c.name(), "fr"));
        assertEquals(5, before.size(), before.toString());
        assertEquals(before, after);
    }

    /** Each non-string cell: its formula, type, value and display text. */
    private static List<String> valueCells(byte[] ods) {
        var content = SafeXml.parse("content.xml", ZipArchive.read(ods, OfficeCases.LIMITS).require("content.xml"));
        NodeList cells = content.getElementsByTagNameNS(OdfDialect.TABLE, "table-cell");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            String type = cell.getAttributeNS(OdfDialect.OFFICE, "value-type");
            if (!type.isEmpty() && (!type.equals("string") || cell.hasAttributeNS(OdfDialect.TABLE, "formula"))) {
                values.add(cell.getAttributeNS(OdfDialect.TABLE, "formula") + "|" + type + "|"
                        + cell.getAttributeNS(OdfDialect.OFFICE, "value") + "|" + displayText(cell));
            }
        }
        return values;
    }

    /** The cell's own paragraphs, not its comment's. */
    private static String displayText(Element cell) {
        StringBuilder text = new StringBuilder();
        for (var child = cell.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element p && "p".equals(p.getLocalName())) {
                text.append(p.getTextContent());
            }
        }
        return text.toString();
    }

    @Test
    void pptxSlidesAndNotesChangeAndRunsKeepTheirFormatting() throws Exception {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(marked("pptx by POI", "de")))) {
            XSLFSlide first = show.getSlides().get(0);
            var paragraph = first.getShapes().stream().filter(s -> s instanceof XSLFTextBox)
                    .map(s -> (XSLFTextBox) s).findFirst().orElseThrow()
                    .getTextParagraphs().stream().filter(p -> !p.getText().isEmpty()).findFirst().orElseThrow();
            assertEquals("»SALES GREW FASTER THAN EXPECTED IN THE NORTHERN REGION", paragraph.getText());
            assertEquals(List.of("»SALES GREW |-", "FASTER THAN EXPECTED|b", " IN THE |-", "NORTHERN REGION|i"),
                    paragraph.getTextRuns().stream().map(r -> r.getRawText() + "|"
                            + (r.isBold() ? "b" : r.isItalic() ? "i" : "-")).toList());
            String notes = java.util.Arrays.stream(show.getNotesSlide(first).getPlaceholders()).map(p -> p.getText())
                    .reduce("", String::concat);
            assertTrue(notes.contains("»MENTION THE NEW CUSTOMERS FIRST."), notes);
        }
    }

    /** The places LibreOffice's docx and odt put text in: each is a part, so each is translated. */
    @Test
    void textInEveryPlaceOfAWriterDocumentIsAPart() throws Exception {
        List<String> places = List.of("Annual report", "The brown fox jumps over the lazy dog.",
                "A footnote about the fox.", "Read the project website for details.", "Please check this sentence.",
                "Text inside a box.", "Paragraph holding a text box.", "First cell", "Second bold cell",
                "Header of the report", "Footer of the report");
        for (String name : List.of("docx by LibreOffice", "odt by LibreOffice")) {
            OfficeCases.Case c = OfficeCases.get(name);
            List<String> texts = c.format().extract(c.file()).stream().map(p -> Marks.plain(p.content())).toList();
            assertTrue(texts.containsAll(places), name + ": " + texts);
        }
    }

    /**
     * LibreOffice writes a docx text box twice (mc:Choice for new readers, mc:Fallback's VML for old ones): its
     * text is one part, translated once, and both copies carry the translation.
     */
    @Test
    void aDocxTextBoxWrittenTwiceIsTranslatedOnceAndWrittenInBoth() throws Exception {
        OfficeCases.Case c = OfficeCases.get("docx by LibreOffice");
        String before = entry(c.file(), "word/document.xml");
        assertEquals(2, count(before, "Text inside a box."), before);
        assertEquals(1, c.format().extract(c.file()).stream()
                .filter(p -> Marks.plain(p.content()).equals("Text inside a box.")).count());
        String after = entry(marked(c.name(), "fr"), "word/document.xml");
        assertEquals(0, count(after, "Text inside a box."), after);
        assertEquals(2, count(after, "»TEXT INSIDE A BOX."), after);
        int fallback = after.indexOf("<mc:Fallback>");
        assertTrue(fallback > 0 && after.indexOf("»TEXT INSIDE A BOX.", fallback) > 0, after);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void pptxTransitionTimingsStay() throws Exception {
        Pattern transition = Pattern.compile("<p:transition[^>]*>");
        Matcher before = transition.matcher(entry(OfficeCases.get("pptx by POI").file(), "ppt/slides/slide1.xml"));
        Matcher after = transition.matcher(entry(marked("pptx by POI", "de"), "ppt/slides/slide1.xml"));
        assertTrue(before.find() && after.find());
        assertTrue(before.group().contains("advTm=\"3000\""), before.group());
        assertEquals(before.group(), after.group());
    }

    @Test
    void languageAttributesFollowTheTarget() throws Exception {
        String styles = entry(marked("docx by LibreOffice", "fr"), "word/styles.xml");
        assertTrue(styles.contains("w:val=\"fr\""), styles);
        assertFalse(styles.contains("w:val=\"en-GB\""), styles);
        String odt = entry(marked("odt by LibreOffice", "fr-CA"), "styles.xml");
        assertTrue(odt.contains("fo:language=\"fr\"") && odt.contains("fo:country=\"CA\""), odt);
        assertFalse(odt.contains("fo:language=\"en\""), odt);
        byte[] epub = marked("epub by LibreOffice", "fr");
        String opf = entry(epub, "OEBPS/content.opf");
        assertTrue(opf.contains("<dc:language>fr</dc:language>"), opf);
        String chapter = entry(epub, "OEBPS/sections/section0001.xhtml");
        assertTrue(chapter.contains("lang=\"fr\"") && chapter.contains("xml:lang=\"fr\""), chapter);
        Matcher langs = Pattern.compile("lang=\"([^\"]+)\"").matcher(entry(marked("pptx by POI", "de"),
                "ppt/slides/slide1.xml"));
        List<String> seen = new ArrayList<>();
        while (langs.find()) {
            seen.add(langs.group(1));
        }
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().allMatch("de"::equals), seen.toString());
    }

    /** What the documents service does: each part through the markup engine (here upper-casing), then rebuilt. */
    @Test
    void partsRenderedByTheMarkupEngineRebuildEveryFormat() throws Exception {
        for (String name : OfficeCases.NAMES) {
            OfficeCases.Case c = OfficeCases.get(name);
            List<DocumentPart> parts = c.format().extract(c.file());
            List<String> translations = new ArrayList<>();
            for (DocumentPart part : parts) {
                MarkupDocument document = MarkupDocument.read("text", part.content(),
                        part.kind() == PartKind.XML ? MarkupOptions.xml() : MarkupOptions.html());
                List<String> upper = document.texts().stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
                translations.add(document.render(upper, (s, t) -> List.of(), "fr", false));
            }
            List<DocumentPart> again = c.format().extract(c.format().rebuild(c.file(), translations, "fr"));
            assertEquals(parts.size(), again.size(), name);
            for (int i = 0; i < parts.size(); i++) {
                assertEquals(Marks.tags(parts.get(i).content()), Marks.tags(again.get(i).content()), name);
                String text = Marks.plain(again.get(i).content());
                assertEquals(text.toUpperCase(Locale.ROOT), text, name);
            }
        }
    }

    private static String entry(byte[] file, String name) {
        return new String(ZipArchive.read(file, OfficeCases.LIMITS).require(name), StandardCharsets.UTF_8);
    }
}
