package it.dev.sema.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's Documents panel in Chromium on the echo model (semaIT): a chosen file is translated into the target
 * picked above with its progress shown, and offered for download under its new name with the same content; a file
 * the server cannot take is explained in words.
 */
class DocumentsPageIT {

    @RegisterExtension
    static final PageSession SESSION = PageSession.onMainServer();

    private final TranslatorPage page = SESSION.page();

    @Test
    void aFileIsTranslatedAndOfferedForDownload(@TempDir Path dir) throws Exception {
        String subtitles = "1\n00:00:01,000 --> 00:00:02,000\nGood morning.\n\n2\n00:00:03,000 --> 00:00:04,000\n"
                + "See you soon.\n";
        Path file = Files.writeString(dir.resolve("film.srt"), subtitles);
        page.open("?source=eng_Latn&target=fra_Latn");
        // The page's CSP (default-src 'self') lets no script fetch a blob: URL; the test keeps the Blob instead.
        page.driver().executeScript("""
                window.semaBlobs = [];
                const original = URL.createObjectURL;
                URL.createObjectURL = (blob) => { window.semaBlobs.push(blob); return original(blob); };""");
        page.find("document-file").sendKeys(file.toString());
        page.find("document-translate").click();
        page.await("the download link", () -> page.find("document-download").isDisplayed());
        assertEquals("film.fra_Latn.srt", page.find("document-download").getDomAttribute("download"));
        assertTrue(page.find("document-status").getText().startsWith("Done: 2 parts"),
                page.find("document-status").getText());
        assertEquals("2", page.find("document-progress").getDomProperty("value"));
        Object downloaded = page.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.semaBlobs[window.semaBlobs.length - 1].text().then(done);""");
        assertEquals(subtitles, downloaded, "the echo model gives the file back as it was");
        page.assertNoConsoleErrors();
    }

    @Test
    void aFileOfNoKnownTypeIsExplained(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});
        page.open("?source=eng_Latn&target=fra_Latn");
        page.find("document-file").sendKeys(file.toString());
        page.find("document-translate").click();
        page.await("the refusal", () -> "error".equals(page.find("document-status").getDomAttribute("data-state")));
        assertTrue(page.find("document-status").getText().contains("none of the supported types"),
                page.find("document-status").getText());
        assertTrue(!page.find("document-download").isDisplayed());
    }
}
