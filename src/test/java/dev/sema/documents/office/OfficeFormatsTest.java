package dev.sema.documents.office;

import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.PartKind;
import dev.sema.markup.MarkupDocument;
import dev.sema.markup.MarkupOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every office format on files made by real programs (Apache POI, LibreOffice): extracted and rebuilt with the
 * parts unchanged, the file's parts and all its other entries come back the same; rebuilt with every text changed,
 * every part changed and nothing else did; and each output re-opens in LibreOffice with the expected text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeFormatsTest {

    @BeforeAll
    void makeFixtures() {
        LibreOffice.assumeInstalled();
    }

    List<String> caseNames() {
        return OfficeCases.NAMES;
    }

    private static OfficeCases.Case get(String name) throws Exception {
        return OfficeCases.get(name);
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void eachFileIsRecognisedByItsFormatAlone(String name) throws Exception {
        OfficeCases.Case c = get(name);
        for (DocumentFormat format : OfficeCases.FORMATS) {
            assertEquals(format == c.format(), format.recognises(new FileSample(c.fileName(), c.file())),
                    format.name() + " on " + name);
            assertEquals(format == c.format(), format.recognises(new FileSample(null, c.file())),
                    format.name() + " on " + name + " without its name");
        }
    }

    /** Runs and things kept whole are inline spans for the engine: each paragraph is one unit, not one per run. */
    @ParameterizedTest
    @MethodSource("caseNames")
    void theMarkupEngineReadsEachParagraphAsOneUnit(String name) throws Exception {
        OfficeCases.Case c = get(name);
        for (DocumentPart part : c.format().extract(c.file())) {
            if (part.kind() == PartKind.XML) {
                List<String> texts = MarkupDocument.read("text", part.content(), MarkupOptions.xml()).texts();
                assertEquals(List.of(Marks.plain(part.content())), texts.stream().map(Marks::collapse).toList(),
                        part.content());
            } else {
                assertFalse(MarkupDocument.read("text", part.content(), MarkupOptions.html()).texts().isEmpty());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void unchangedPartsGiveBackTheSameDocument(String name) throws Exception {
        OfficeCases.Case c = get(name);
        List<DocumentPart> parts = c.format().extract(c.file());
        assertTrue(parts.size() >= 2, () -> name + " has too few parts to test: " + parts);
        assertEquals(Marks.normalized(parts),
                Marks.normalized(rebuiltAndReread(c, parts.stream().map(DocumentPart::content).toList())));
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void changedPartsChangeEveryPartAndNothingElse(String name) throws Exception {
        OfficeCases.Case c = get(name);
        List<DocumentPart> parts = c.format().extract(c.file());
        List<String> marked = Marks.mark(parts);
        List<DocumentPart> again = rebuiltAndReread(c, marked);
        assertEquals(Marks.normalized(parts, marked), Marks.normalized(again));
        for (int i = 0; i < parts.size(); i++) {
            assertNotEquals(parts.get(i).content(), again.get(i).content(), "part " + i + " of " + name);
        }
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void everyOutputReopensInLibreOfficeWithItsText(String name) throws Exception {
        OfficeCases.Case c = get(name);
        List<DocumentPart> parts = c.format().extract(c.file());
        List<String> marked = Marks.mark(parts);
        Path out = OfficeCases.dir().resolve("out-" + c.name().replace(' ', '-'));
        Path same = Files.write(Files.createDirectories(out).resolve("same-" + c.fileName()),
                c.format().rebuild(c.file(), parts.stream().map(DocumentPart::content).toList(), "fr"));
        Path changed = Files.write(out.resolve("changed-" + c.fileName()), c.format().rebuild(c.file(), marked, "fr"));
        Reopened.check(c, parts, marked, same, changed, out);
    }

    private static List<DocumentPart> rebuiltAndReread(OfficeCases.Case c, List<String> translations) {
        byte[] out = c.format().rebuild(c.file(), translations, "fr");
        PackageEntries.assertOnlyTextEntriesChanged(c, out);
        return c.format().extract(out);
    }
}
