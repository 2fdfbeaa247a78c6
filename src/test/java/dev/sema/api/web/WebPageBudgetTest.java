package dev.sema.api.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The translator page stays small and self-contained: what a phone downloads, and from where. */
class WebPageBudgetTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final long BUDGET_BYTES = 100 * 1024;
    /** A resource loaded from elsewhere: src/href to another origin, CSS url() or a module import of a URL. */
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?:src|href)\\s*=\\s*[\"']?(?:https?:)?//|url\\(\\s*[\"']?(?:https?:)?//|(?:from|import)\\s*\\(?\\s*[\"'](?:https?:)?//|@import");

    @Test
    void htmlCssAndJavaScriptTakeAtMost100KilobytesGzipped() {
        long total = 0;
        StringBuilder sizes = new StringBuilder();
        for (Path file : pageFiles()) {
            long gzipped = gzippedSize(file);
            total += gzipped;
            sizes.append(WEBAPP.relativize(file)).append(' ').append(gzipped).append(" B\n");
        }
        System.out.println("Translator page, gzipped:\n" + sizes + "total " + total + " B");
        assertTrue(total <= BUDGET_BYTES, "page files gzipped: " + total + " B > " + BUDGET_BYTES + " B\n" + sizes);
    }

    @Test
    void nothingIsLoadedFromAnotherOrigin() throws IOException {
        for (Path file : pageFiles()) {
            String text = Files.readString(file);
            assertEquals(List.of(), EXTERNAL.matcher(text).results().map(m -> m.group()).toList(),
                    file + " loads from another origin");
        }
    }

    /** index.html and the files of ui/ that the page loads (HTML, CSS, JavaScript, its icon). */
    private static List<Path> pageFiles() {
        try (Stream<Path> ui = Files.list(WEBAPP.resolve("ui"))) {
            List<Path> files = Stream.concat(Stream.of(WEBAPP.resolve("index.html")),
                    ui.filter(p -> p.toString().matches(".*\\.(html|css|js|svg)$")).sorted()).toList();
            assertTrue(files.size() > 3, "page files: " + files);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long gzippedSize(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
