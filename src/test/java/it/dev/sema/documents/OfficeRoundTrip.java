package it.dev.sema.documents;

import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.PartKind;
import dev.sema.documents.office.LibreOffice;
import dev.sema.documents.office.Marks;
import dev.sema.documents.office.OfficeCases;
import dev.sema.documents.office.PackageEntries;
import dev.sema.documents.office.Reopened;
import jakarta.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every office fixture of the unit tests (files made by LibreOffice and Apache POI: docx twice, odt, epub, pptx,
 * odp, xlsx, ods) through one server's documents API over HTTP: uploaded a few at a time, each awaited and
 * downloaded; then every original and every result re-opened by LibreOffice, one soffice run per flat format.
 */
final class OfficeRoundTrip {

    private static final String TARGET = "fra_Latn";
    /** Documents of the caller waiting or translating at once, under the per-key limit (5 by default). */
    private static final int IN_FLIGHT = 3;

    /** One fixture, what came back for it, and LibreOffice's text of both. */
    record Translated(OfficeCases.Case original, byte[] file, String inputText, String outputText) {

        List<DocumentPart> originalParts() {
            return original.format().extract(original.file());
        }

        List<DocumentPart> parts() {
            return original.format().extract(file);
        }

        boolean ooxml() {
            return original.fileName().matches(".*\\.(docx|pptx|xlsx)");
        }
    }

    private OfficeRoundTrip() {
    }

    /** Echo model: the same text in the same runs and places, nothing else but the language changed. */
    static void assertEchoed(List<Translated> all) throws Exception {
        for (Translated t : all) {
            String name = t.original().name();
            PackageEntries.assertOnlyTextEntriesChanged(t.original(), t.file());
            assertEquals(Marks.normalized(t.originalParts()), Marks.normalized(t.parts()), name);
            if (t.ooxml()) {
                assertEquals(OfficeViews.of(t.original().fileName(), t.original().file()),
                        OfficeViews.of(t.original().fileName(), t.file()), name);
            }
            assertEquals(t.inputText(), t.outputText(), name + " as LibreOffice reads it");
        }
    }

    /**
     * A model that changes every text: every part's text changed and what it holds besides text kept; formulas,
     * numbers, sheet names and every entry without text (link targets, images, styles) as they were; LibreOffice
     * shows each new text and none of the old.
     */
    static void assertChanged(List<Translated> all) throws Exception {
        for (Translated t : all) {
            String name = t.original().name();
            PackageEntries.assertOnlyTextEntriesChanged(t.original(), t.file());
            List<DocumentPart> before = t.originalParts();
            List<DocumentPart> after = t.parts();
            assertEquals(before.size(), after.size(), name + ": " + after);
            for (int i = 0; i < before.size(); i++) {
                String original = before.get(i).content();
                String translated = after.get(i).content();
                assertNotEquals(Marks.plain(original), Marks.plain(translated), name + " part " + i);
                assertEquals(kept(before.get(i), original), kept(after.get(i), translated), name + " part " + i + ": "
                        + translated);
            }
            if (t.ooxml()) {
                assertViewChanged(name, OfficeViews.of(t.original().fileName(), t.original().file()),
                        OfficeViews.of(t.original().fileName(), t.file()));
            }
            Reopened.assertShown(t.original(), before, after.stream().map(DocumentPart::content).toList(),
                    t.inputText(), t.outputText());
        }
    }

    /**
     * What a translation keeps whatever its words: a web page's tags; an office paragraph's things kept whole
     * (tabs, breaks, images, note references). Its runs may be cut differently: where a model without meaning
     * puts a bold word decides which run is longest, so which formatting is the paragraph's main one.
     */
    private static List<String> kept(DocumentPart part, String content) {
        return part.kind() == PartKind.HTML ? Marks.tags(content)
                : Marks.tags(content).stream().filter("x"::equals).toList();
    }

    /** Links are left out here: their targets live in relationship entries, which must not change at all. */
    private static void assertViewChanged(String name, OfficeViews before, OfficeViews after) {
        assertEquals(withoutLinks(before.fixed()), withoutLinks(after.fixed()), name);
        assertEquals(before.texts().keySet(), after.texts().keySet(), name + ": " + after.texts());
        before.texts().forEach((place, text) -> assertNotEquals(text, after.texts().get(place), name + " " + place));
    }

    private static List<String> withoutLinks(List<String> fixed) {
        return fixed.stream().filter(f -> !f.startsWith("link ")).toList();
    }

    /** Every fixture uploaded, awaited and downloaded, then re-opened with its original. */
    static List<Translated> translateAll(DocumentClient client, Duration deadline) throws Exception {
        LibreOffice.assumeInstalled();
        List<OfficeCases.Case> cases = new ArrayList<>();
        for (String name : OfficeCases.NAMES) {
            cases.add(OfficeCases.get(name));
        }
        List<JsonObject> receipts = new ArrayList<>();
        List<byte[]> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            // A few in flight at a time: a caller may have only so many documents waiting (then 429).
            if (i >= IN_FLIGHT) {
                results.add(download(client, cases.get(i - IN_FLIGHT), receipts.get(i - IN_FLIGHT), deadline));
            }
            receipts.add(client.upload(cases.get(i).fileName(), cases.get(i).file(), Map.of("target_language",
                    TARGET, "source_language", "eng_Latn"), Map.of()).expect(202).json());
        }
        for (int i = results.size(); i < cases.size(); i++) {
            results.add(download(client, cases.get(i), receipts.get(i), deadline));
        }
        return reopened(cases, results);
    }

    /** Each fixture and its result, with LibreOffice's text of both. */
    static List<Translated> reopened(List<OfficeCases.Case> cases, List<byte[]> results) throws Exception {
        Path dir = Files.createTempDirectory(OfficeCases.dir(), "http-");
        List<Reopened.File> reopen = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            OfficeCases.Case c = cases.get(i);
            reopen.add(new Reopened.File(Files.write(dir.resolve("in-" + c.fileName()), c.file()), c.flat()));
            reopen.add(new Reopened.File(Files.write(dir.resolve("out-" + c.fileName()), results.get(i)), c.flat()));
        }
        Map<Path, String> texts = Reopened.texts(reopen, dir.resolve("reopened"));
        List<Translated> translated = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            translated.add(new Translated(cases.get(i), results.get(i), texts.get(reopen.get(2 * i).path()),
                    texts.get(reopen.get(2 * i + 1).path())));
        }
        return translated;
    }

    /** The result once the job is done, named as uploaded with the target language added and typed as uploaded. */
    private static byte[] download(DocumentClient client, OfficeCases.Case c, JsonObject receipt, Duration deadline) {
        JsonObject status = client.awaitEnd(receipt, deadline);
        assertEquals("done", status.getString("status"), () -> c.name() + ": " + status);
        assertEquals(status.getInt("segments_total"), status.getInt("segments_done"), status::toString);
        DocumentClient.Reply result = client.result(receipt.getString("document_id"),
                receipt.getString("document_key")).expect(200);
        assertEquals(c.format().contentType(), result.response().headers().firstValue("Content-Type").orElse(""),
                c.name());
        String name = c.fileName().replaceFirst("\\.(\\w+)$", "." + TARGET + ".$1");
        assertTrue(result.response().headers().firstValue("Content-Disposition").orElse("")
                .contains("filename=\"" + name + "\""), () -> c.name() + ": " + result.response().headers().map());
        return result.body();
    }
}
