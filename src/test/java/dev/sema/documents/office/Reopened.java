package dev.sema.documents.office;

import dev.sema.documents.format.DocumentPart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
final class Reopened {

    private Reopened() {
    }

    static void check(OfficeCases.Case c, List<DocumentPart> parts, List<String> marked, Path same, Path changed,
                      Path dir) throws Exception {
        if (c.flat() == null) {
            checkEpub(marked, changed, dir);
            checkEpub(parts.stream().map(DocumentPart::content).toList(), same, dir.resolve("same"));
            return;
        }
        Path input = Files.write(dir.resolve("input-" + c.fileName()), c.file());
        List<Path> flats = LibreOffice.convert(List.of(input, same, changed), c.flat(), dir.resolve("flat"));
        String inputText = flatText(flats.get(0));
        String sameText = flatText(flats.get(1));
        String changedText = flatText(flats.get(2));
        int unseen = 0;
        for (int i = 0; i < parts.size(); i++) {
            String original = Marks.plain(parts.get(i).content());
            String translated = Marks.plain(marked.get(i));
            // LibreOffice's flat spreadsheet leaves out cell comments, of the input file too.
            if (!inputText.contains(original)) {
                unseen++;
                continue;
            }
            assertTrue(sameText.contains(original), () -> c.name() + ": \"" + original + "\" not in " + sameText);
            assertTrue(changedText.contains(translated), () -> c.name() + ": \"" + translated + "\" not in "
                    + changedText);
            // A spreadsheet's formula keeps its cached result until it is recalculated, so its text may remain.
            boolean lowerCase = !original.equals(original.toUpperCase(java.util.Locale.ROOT));
            if (!"fods".equals(c.flat()) && original.length() >= 12 && lowerCase) {
                assertFalse(changedText.contains(original), () -> c.name() + ": \"" + original + "\" still there");
            }
        }
        assertTrue(unseen <= 1, c.name() + ": LibreOffice shows " + unseen + " parts of the input nowhere");
    }

    private static String flatText(Path flat) throws Exception {
        return Marks.collapse(SafeXml.parse(flat.getFileName().toString(), Files.readAllBytes(flat))
                .getDocumentElement().getTextContent());
    }

    /** The mimetype entry first and stored; each content document's paragraphs in LibreOffice's text of it. */
    private static void checkEpub(List<String> parts, Path epub, Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(epub);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry first = zip.getNextEntry();
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod());
        }
        ZipArchive archive = ZipArchive.read(bytes, OfficeCases.LIMITS);
        List<String> documents = EpubPackage.open(archive).contentDocuments();
        Files.createDirectories(dir);
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            files.add(Files.write(dir.resolve("doc" + i + ".xhtml"), archive.require(documents.get(i))));
        }
        List<Path> texts = LibreOffice.convert(files, "txt:Text (encoded):UTF8", dir.resolve("txt"));
        StringBuilder all = new StringBuilder();
        for (Path text : texts) {
            all.append(Files.readString(text, StandardCharsets.UTF_8)).append('\n');
        }
        String seen = Marks.collapse(all.toString());
        for (String part : parts) {
            String text = Marks.htmlText(part);
            assertTrue(seen.contains(text), () -> "\"" + text + "\" not in " + seen);
        }
    }
}
