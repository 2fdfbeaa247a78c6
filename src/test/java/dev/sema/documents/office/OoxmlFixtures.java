package dev.sema.documents.office;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

import org.apache.xmlbeans.XmlCursor;

import javax.xml.namespace.QName;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;

/** Office Open XML fixtures written by Apache POI, the way an application using it writes them. */
final class OoxmlFixtures {

    private OoxmlFixtures() {
    }

    /** Runs in bold and italic, a link, a tab and a break, a table, header, footer, footnote and comment. */
    static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph first = document.createParagraph();
            first.createRun().setText("The quick ");
            XWPFRun bold = first.createRun();
            bold.setText("brown fox");
            bold.setBold(true);
            first.createRun().setText(" jumps over the ");
            XWPFRun italic = first.createRun();
            italic.setText("lazy dog");
            italic.setItalic(true);
            first.createRun().setText(".");
            XWPFFootnote footnote = document.createFootnote();
            footnote.createParagraph().createRun().setText("Foxes are not really brown.");
            first.addFootnoteReference(footnote);

            XWPFParagraph link = document.createParagraph();
            link.createRun().setText("Visit ");
            link.createHyperlinkRun("https://example.org/").setText("our website");
            link.createRun().setText(" for more news.");

            XWPFParagraph commented = document.createParagraph();
            CTP ctp = commented.getCTP();
            ctp.addNewCommentRangeStart().setId(BigInteger.ONE);
            XWPFRun tabbed = commented.createRun();
            tabbed.setText("Before the tab");
            tabbed.addTab();
            tabbed.setText("after the tab");
            tabbed.addBreak();
            tabbed.setText("and a second line.");
            ctp.addNewCommentRangeEnd().setId(BigInteger.ONE);
            commented.createRun().getCTR().addNewCommentReference().setId(BigInteger.ONE);
            XWPFComment comment = document.createComments().createComment(BigInteger.ONE);
            comment.setAuthor("Reviewer");
            comment.createParagraph().createRun().setText("Please check this line.");

            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Name of the product");
            table.getRow(0).getCell(1).setText("Its colour");
            table.getRow(1).getCell(0).setText("Green apples");
            XWPFRun cellRun = table.getRow(1).getCell(1).getParagraphs().get(0).createRun();
            cellRun.setText("Very green");
            cellRun.setBold(true);

            document.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("Confidential header text");
            document.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("Footer of every page");
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A text box with bold and italic runs, a table, speaker notes on both slides, an automatic transition. */
    static byte[] pptx() throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFSlide first = show.createSlide();
            XSLFTextBox box = first.createTextBox();
            box.setAnchor(new Rectangle(50, 50, 500, 200));
            XSLFTextParagraph paragraph = box.addNewTextParagraph();
            paragraph.addNewTextRun().setText("Sales grew ");
            XSLFTextRun bold = paragraph.addNewTextRun();
            bold.setText("faster than expected");
            bold.setBold(true);
            paragraph.addNewTextRun().setText(" in the ");
            XSLFTextRun italic = paragraph.addNewTextRun();
            italic.setText("northern region");
            italic.setItalic(true);
            box.addNewTextParagraph().addNewTextRun().setText("Costs stayed flat.");
            notes(show, first, "Mention the new customers first.");
            // The slide advances by itself after 3 s: a timing the translation must leave alone.
            try (XmlCursor cursor = first.getXmlObject().newCursor()) {
                cursor.toEndToken();
                cursor.beginElement(new QName("http://schemas.openxmlformats.org/presentationml/2006/main",
                        "transition", "p"));
                cursor.insertAttributeWithValue("advClick", "0");
                cursor.insertAttributeWithValue("advTm", "3000");
            }

            XSLFSlide second = show.createSlide();
            XSLFTable table = second.createTable(2, 2);
            table.setAnchor(new Rectangle(50, 50, 400, 100));
            table.getCell(0, 0).setText("Quarter one");
            table.getCell(0, 1).setText("Quarter two");
            table.getCell(1, 0).setText("Good start");
            table.getCell(1, 1).setText("Strong finish");
            notes(show, second, "Keep this slide short.");
            show.write(out);
            return out.toByteArray();
        }
    }

    private static void notes(XMLSlideShow show, XSLFSlide slide, String text) {
        XSLFNotes notes = show.getNotesSlide(slide);
        for (XSLFTextShape shape : notes.getPlaceholders()) {
            if (shape.getTextType() == Placeholder.BODY) {
                shape.setText(text);
            }
        }
    }

    /** Text cells (one in rich text), numbers, formulas (one giving text) and a cell comment. */
    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Prices");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("Product name");
            header.createCell(1).setCellValue("Unit price");
            header.createCell(2).setCellValue("Price of two");
            XSSFRow apples = sheet.createRow(1);
            apples.createCell(0).setCellValue("Green apples");
            apples.createCell(1).setCellValue(1.5);
            apples.createCell(2).setCellFormula("B2*2");
            apples.createCell(3).setCellFormula("CONCATENATE(\"Total for \",A2)");
            XSSFRow cherries = sheet.createRow(2);
            XSSFRichTextString rich = new XSSFRichTextString("Red cherries from Spain");
            XSSFFont boldFont = workbook.createFont();
            boldFont.setBold(true);
            rich.applyFont(4, 12, boldFont);
            cherries.createCell(0).setCellValue(rich);
            cherries.createCell(1).setCellValue(4.25);
            cherries.createCell(2).setCellFormula("B3*2");
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            anchor.setCol1(4);
            anchor.setRow1(1);
            anchor.setCol2(6);
            anchor.setRow2(4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(workbook.getCreationHelper().createRichTextString("Check this price again."));
            apples.getCell(1).setCellComment(comment);
            var link = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
            link.setAddress("https://example.org/apples");
            apples.getCell(0).setHyperlink(link);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
