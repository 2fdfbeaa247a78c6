package dev.sema.documents.office;

import dev.sema.documents.format.DocumentFormat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixtures of the office tests, made once per test run: Apache POI writes docx, pptx and xlsx; LibreOffice
 * converts a flat ODT (report.fodt: runs, a link, a footnote, a comment, a text box, a table, header and footer) to
 * docx, odt and epub, POI's pptx to odp and POI's xlsx to ods. The documents ITs upload the same files.
 */
public final class OfficeCases {

    public static final ZipLimits LIMITS = new ZipLimits(10_000, 256L * 1024 * 1024, 200);
    static final DocxFormat DOCX = new DocxFormat(LIMITS);
    static final PptxFormat PPTX = new PptxFormat(LIMITS);
    static final XlsxFormat XLSX = new XlsxFormat(LIMITS);
    static final OdtFormat ODT = new OdtFormat(LIMITS);
    static final OdpFormat ODP = new OdpFormat(LIMITS);
    static final OdsFormat ODS = new OdsFormat(LIMITS);
    static final EpubFormat EPUB = new EpubFormat(LIMITS);
    static final List<DocumentFormat> FORMATS = List.of(DOCX, PPTX, XLSX, ODT, ODP, ODS, EPUB);
    public static final List<String> NAMES = List.of("docx by POI", "docx by LibreOffice", "odt by LibreOffice",
            "epub by LibreOffice", "pptx by POI", "odp by LibreOffice", "xlsx by POI", "ods by LibreOffice");

    /** One fixture: its file, the format that must read it, and the flat ODF LibreOffice re-opens it as. */
    public record Case(String name, String fileName, byte[] file, DocumentFormat format, String flat) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path dir;
    private static Map<String, Case> cases;

    private OfficeCases() {
    }

    public static synchronized Case get(String name) throws Exception {
        if (cases == null) {
            cases = make();
        }
        return cases.get(name);
    }

    public static synchronized Path dir() throws Exception {
        get(NAMES.get(0));
        return dir;
    }

    private static Map<String, Case> make() throws Exception {
        dir = Files.createTempDirectory("sema-office");
        Path fodt = dir.resolve("report.fodt");
        try (InputStream in = OfficeCases.class.getResourceAsStream("/documents/report.fodt")) {
            Files.write(fodt, in.readAllBytes());
        }
        Path pptx = Files.write(dir.resolve("slides.pptx"), OoxmlFixtures.pptx());
        Path xlsx = Files.write(dir.resolve("prices.xlsx"), OoxmlFixtures.xlsx());
        Map<String, Case> made = new LinkedHashMap<>();
        List.of(new Case(NAMES.get(0), "letter.docx", OoxmlFixtures.docx(), DOCX, "fodt"),
                new Case(NAMES.get(1), "report.docx", lo(fodt, "docx"), DOCX, "fodt"),
                new Case(NAMES.get(2), "report.odt", lo(fodt, "odt"), ODT, "fodt"),
                new Case(NAMES.get(3), "report.epub", lo(fodt, "epub"), EPUB, null),
                new Case(NAMES.get(4), "slides.pptx", Files.readAllBytes(pptx), PPTX, "fodp"),
                new Case(NAMES.get(5), "slides.odp", lo(pptx, "odp"), ODP, "fodp"),
                new Case(NAMES.get(6), "prices.xlsx", Files.readAllBytes(xlsx), XLSX, "fods"),
                new Case(NAMES.get(7), "prices.ods", lo(xlsx, "ods"), ODS, "fods"))
                .forEach(c -> made.put(c.name(), c));
        return made;
    }

    private static byte[] lo(Path source, String extension) throws Exception {
        return Files.readAllBytes(LibreOffice.convert(source, extension, dir.resolve("made-" + extension)));
    }
}
