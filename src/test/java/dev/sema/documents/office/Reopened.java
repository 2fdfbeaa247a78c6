package dev.sema.documents.office;

import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.PartKind;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LibreOffice's view of an output: it opens the file and saves it as flat ODF (one XML file, all text in it:
 * body, headers, notes, comments, text boxes, cells, speaker notes) or, for an EPUB, which it cannot open, each
 * content document as text. The text of every part must be there, the original's or the changed one.
 */
public final class Reopened {

    /**
     * A file to re-open: its path and the flat ODF extension it is saved as ({@code "txt:Text (encoded):UTF8"} for
     * a web page), or null for an EPUB.
     */
    public record File(Path path, String flat) {
    }

    private Reopened() {
    }

    static void check(OfficeCases.Case c, List<DocumentPart> parts, List<String> marked, Path same, Path changed,
                      Path dir) throws Exception {
        Path input = Files.write(dir.resolve("input-" + c.fileName()), c.file());
        Map<Path, String> texts = texts(List.of(new File(input, c.flat()), new File(same, c.flat()),
                new File(changed, c.flat())), dir.resolve("reopened"));
        List<String> originals = parts.stream().map(DocumentPart::content).toList();
        assertShown(c, parts, originals, texts.get(input), texts.get(same));
        assertShown(c, parts, marked, texts.get(input), texts.get(changed));
    }

    /**
     * Each file as LibreOffice reads it, its text with whitespace collapsed; one soffice run for all the files
     * saved as one flat format, and one for every EPUB's content documents.
     */
    public static Map<Path, String> texts(List<File> files, Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, List<Path>> byFlat = new LinkedHashMap<>();
        Map<Path, Path> copies = new LinkedHashMap<>();
        List<Path> epubDocuments = new ArrayList<>();
        Map<Path, List<Path>> documentsOf = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            // Numbered copies: soffice names its output after its input, and two inputs may share a name.
            Path copy = Files.copy(file.path(), dir.resolve(i + "-" + file.path().getFileName()));
            copies.put(file.path(), copy);
            if (file.flat() == null) {
                documentsOf.put(file.path(), epubDocuments(copy, i, dir));
                epubDocuments.addAll(documentsOf.get(file.path()));
            } else {
                byFlat.computeIfAbsent(file.flat(), f -> new ArrayList<>()).add(copy);
            }
        }
        Map<Path, String> flatTexts = new LinkedHashMap<>();
        for (Map.Entry<String, List<Path>> group : byFlat.entrySet()) {
            List<Path> flats = LibreOffice.convert(group.getValue(), group.getKey(),
                    dir.resolve(group.getKey().replaceAll("\\W", "-")));
            for (int i = 0; i < flats.size(); i++) {
                flatTexts.put(group.getValue().get(i), flatText(flats.get(i)));
            }
        }
        Map<Path, String> epubTexts = new LinkedHashMap<>();
        if (!epubDocuments.isEmpty()) {
            List<Path> txts = LibreOffice.convert(epubDocuments, "txt:Text (encoded):UTF8", dir.resolve("txt"));
            for (int i = 0; i < txts.size(); i++) {
                epubTexts.put(epubDocuments.get(i), Files.readString(txts.get(i), StandardCharsets.UTF_8));
            }
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (File file : files) {
            texts.put(file.path(), file.flat() != null ? flatTexts.get(copies.get(file.path()))
                    : Marks.collapse(String.join("\n", documentsOf.get(file.path()).stream()
                    .map(epubTexts::get).toList())));
        }
        return texts;
    }

    /**
     * Each part's translation shows in the output as LibreOffice reads it and, where it differs, the original no
     * longer does; parts LibreOffice shows nowhere in the input either (a spreadsheet's cell comments, which its
     * flat format leaves out) are not looked for, and there is at most one such.
     */
    public static void assertShown(OfficeCases.Case c, List<DocumentPart> parts, List<String> translations,
                                   String inputText, String outputText) {
        int unseen = 0;
        for (int i = 0; i < parts.size(); i++) {
            String original = text(parts.get(i), parts.get(i).content());
            String translated = text(parts.get(i), translations.get(i));
            if (!inputText.contains(original)) {
                unseen++;
                continue;
            }
            assertTrue(outputText.contains(translated), () -> c.name() + ": \"" + translated + "\" not in "
                    + outputText);
            // A spreadsheet's formula keeps its cached result until it is recalculated, so its text may remain.
            boolean lowerCase = !original.equals(original.toUpperCase(Locale.ROOT));
            if (!translated.equals(original) && !"fods".equals(c.flat()) && original.length() >= 12 && lowerCase) {
                assertFalse(outputText.contains(original), () -> c.name() + ": \"" + original + "\" still there");
            }
        }
        assertTrue(unseen <= 1, c.name() + ": LibreOffice shows " + unseen + " parts of the input nowhere");
    }

    private static String text(DocumentPart part, String content) {
        return part.kind() == PartKind.HTML ? Marks.htmlText(content) : Marks.plain(content);
    }

    /**
     * A flat ODF file's text: its master pages' (headers, footers) and its body's, not its metadata and settings
     * (dates, ids); or a plain text file's (what a web page converts to).
     */
    private static String flatText(Path flat) throws Exception {
        if (flat.getFileName().toString().endsWith(".txt")) {
            return Marks.collapse(Files.readString(flat, StandardCharsets.UTF_8));
        }
        org.w3c.dom.Document document = SafeXml.parse(flat.getFileName().toString(), Files.readAllBytes(flat));
        StringBuilder text = new StringBuilder();
        for (String element : List.of("master-styles", "body")) {
            var found = document.getElementsByTagNameNS(OdfDialect.OFFICE, element);
            for (int i = 0; i < found.getLength(); i++) {
                appendText(found.item(i), text);
                text.append(' ');
            }
        }
        return Marks.collapse(text.toString());
    }

    /** The node's text, but embedded images' (base64 of pictures LibreOffice renders, e.g. of a table). */
    private static void appendText(org.w3c.dom.Node node, StringBuilder text) {
        if (node instanceof org.w3c.dom.Text t) {
            text.append(t.getData());
        } else if (!"binary-data".equals(node.getLocalName())) {
            for (var child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                appendText(child, text);
            }
        }
    }

    /** The mimetype entry first and stored; each content document written out as a file of its own. */
    private static List<Path> epubDocuments(Path epub, int number, Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(epub);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry first = zip.getNextEntry();
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod());
        }
        ZipArchive archive = ZipArchive.read(bytes, OfficeCases.LIMITS);
        List<String> documents = EpubPackage.open(archive).contentDocuments();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            files.add(Files.write(dir.resolve("epub" + number + "-doc" + i + ".xhtml"),
                    archive.require(documents.get(i))));
        }
        return files;
    }
}
