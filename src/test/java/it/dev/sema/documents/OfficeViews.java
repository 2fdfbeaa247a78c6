package it.dev.sema.documents;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Office Open XML file as Apache POI reads it, in three lists: the texts by place (body paragraph, table cell,
 * header, footer, footnote, comment, slide shape, speaker notes, sheet cell), the formatted runs ("text|b",
 * "text|i", "text|-"; neighbours formatted alike are one) and what must never change (link targets, formulas,
 * numbers, sheet names).
 */
record OfficeViews(Map<String, String> texts, List<String> runs, List<String> fixed) {

    /** The view of a docx, pptx or xlsx by its extension. */
    static OfficeViews of(String fileName, byte[] file) throws IOException {
        OfficeViews view = new OfficeViews(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
        if (fileName.endsWith(".docx")) {
            view.word(file);
        } else if (fileName.endsWith(".pptx")) {
            view.slides(file);
        } else {
            view.sheets(file);
        }
        return view;
    }

    private void text(String place, String text) {
        if (!text.isBlank()) {
            texts.put(place, text.strip());
        }
    }

    /**
     * A run of a paragraph whose runs start at {@code first}; one formatted like the run before it extends that
     * one, as a reader sees no border between them (a run holding a tab may come back as three).
     */
    private void run(int first, String text, String format) {
        int last = runs.size() - 1;
        if (last >= first && runs.get(last).endsWith("|" + format)) {
            String before = runs.get(last);
            runs.set(last, before.substring(0, before.length() - format.length() - 1) + text + "|" + format);
        } else {
            runs.add(text + "|" + format);
        }
    }

    private void word(byte[] file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            paragraphs("p", doc.getParagraphs(), doc);
            List<XWPFTable> tables = doc.getTables();
            for (int t = 0; t < tables.size(); t++) {
                for (int r = 0; r < tables.get(t).getRows().size(); r++) {
                    var cells = tables.get(t).getRow(r).getTableCells();
                    for (int c = 0; c < cells.size(); c++) {
                        paragraphs("table" + t + " " + r + "," + c + " p", cells.get(c).getParagraphs(), doc);
                    }
                }
            }
            doc.getHeaderList().forEach(h -> text("header " + doc.getHeaderList().indexOf(h), h.getText()));
            doc.getFooterList().forEach(f -> text("footer " + doc.getFooterList().indexOf(f), f.getText()));
            doc.getFootnotes().forEach(f -> paragraphs("footnote " + f.getId() + " p", f.getParagraphs(), doc));
            for (XWPFComment comment : doc.getComments()) {
                text("comment " + comment.getId(), comment.getText());
            }
        }
    }

    private void paragraphs(String place, List<XWPFParagraph> paragraphs, XWPFDocument doc) {
        for (int i = 0; i < paragraphs.size(); i++) {
            text(place + i, paragraphs.get(i).getText());
            int first = runs.size();
            for (XWPFRun run : paragraphs.get(i).getRuns()) {
                if (!run.text().isEmpty()) {
                    run(first, run.text(), run.isBold() ? "b" : run.isItalic() ? "i" : "-");
                }
                if (run instanceof XWPFHyperlinkRun link && link.getHyperlink(doc) != null) {
                    fixed.add("link " + link.getHyperlink(doc).getURL());
                }
            }
        }
    }

    private void slides(byte[] file) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(file))) {
            for (XSLFSlide slide : show.getSlides()) {
                shapes("slide " + slide.getSlideNumber(), slide);
                if (slide.getNotes() != null) {
                    shapes("notes " + slide.getSlideNumber(), slide.getNotes());
                }
            }
        }
    }

    /** The sheet's text shapes, but the date and slide number the application fills in. */
    private void shapes(String place, XSLFSheet sheet) {
        for (XSLFShape shape : sheet.getShapes()) {
            if (shape instanceof XSLFTextShape text && text.getPlaceholder() != Placeholder.SLIDE_NUMBER
                    && text.getPlaceholder() != Placeholder.DATETIME) {
                text(place + " " + shape.getShapeId(), text.getText());
                for (XSLFTextParagraph paragraph : text.getTextParagraphs()) {
                    int first = runs.size();
                    for (XSLFTextRun run : paragraph.getTextRuns()) {
                        if (!run.getRawText().isEmpty()) {
                            run(first, run.getRawText(), run.isBold() ? "b" : run.isItalic() ? "i" : "-");
                        }
                    }
                }
            }
        }
    }

    private void sheets(byte[] file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                XSSFSheet sheet = book.getSheetAt(s);
                fixed.add("sheet " + sheet.getSheetName());
                for (Row row : sheet) {
                    row.forEach(this::cell);
                }
                for (Map.Entry<?, XSSFComment> comment : sheet.getCellComments().entrySet()) {
                    text("comment " + comment.getKey(), comment.getValue().getString().getString());
                }
            }
        }
    }

    private void cell(Cell cell) {
        String place = cell.getAddress().formatAsString();
        switch (cell.getCellType()) {
            case FORMULA -> fixed.add(place + " =" + cell.getCellFormula());
            case STRING -> {
                XSSFRichTextString rich = (XSSFRichTextString) cell.getRichStringCellValue();
                text(place, rich.getString());
                for (int i = 0; i < rich.numFormattingRuns(); i++) {
                    var font = rich.getFontOfFormattingRun(i);
                    int start = rich.getIndexOfFormattingRun(i);
                    runs.add(rich.getString().substring(start, start + rich.getLengthOfFormattingRun(i)) + "|"
                            + (font != null && font.getBold() ? "b" : font != null && font.getItalic() ? "i" : "-"));
                }
            }
            default -> fixed.add(place + " " + cell.getCellType() + " " + cell);
        }
    }
}
