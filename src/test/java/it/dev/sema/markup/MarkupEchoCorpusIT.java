package it.dev.sema.markup;

import dev.sema.markup.MarkupDocument;
import dev.sema.markup.MarkupOptions;
import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real-world markup, not written for the test, through the whole server on the echo model (semaIT): every page
 * must come back equal to itself modulo the documented serialisation, which is jsoup's own reading and writing
 * of it (attributes in double quotes, implied end tags and {@code tbody} written out, character references as
 * characters, {@code <x />} for empty XML elements) plus the root's {@code lang} naming the target.
 *
 * <p>HTML: Debian's HTML manuals under /usr/share/doc (libffi's manual, installed by .ci/run, and whatever else
 * the machine has). XML: the POMs Debian's maven ships under /usr/share/maven-repo and this project's server.xml.
 * Pages over the IT server's limits (32 KiB of markup, 5,000 characters of text) are left out.
 */
class MarkupEchoCorpusIT {

    private static final Http HTTP = Http.main();
    private static final int MAX_BYTES = 30_000;
    private static final int MAX_CHARACTERS = 5_000;
    private static final int MAX_FILES = 25;
    /** Entities other than the predefined five need a DTD, which XML mode refuses on purpose. */
    private static final Pattern DTD_ENTITIES = Pattern.compile("<!ENTITY|&(?!(amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);)");

    @BeforeAll
    static void modelsLoaded() {
        HTTP.awaitReady(Duration.ofSeconds(120));
    }

    @Test
    void debianHtmlManualsComeBackAsThemselves() throws IOException {
        List<Path> pages = corpus(Paths.get("/usr/share/doc"), ".html", MarkupOptions.html(),
                text -> text.contains("<html") || text.contains("<HTML"));
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Document expected = Parser.htmlParser().parseInput(html, "");
            settings(expected, Entities.EscapeMode.base);
            Element root = expected.selectFirst("html");
            root.attr("lang", "fr");
            if (root.hasAttr("dir")) {
                root.attr("dir", "ltr");
            }
            assertEquals(expected.outerHtml(), translate(html, "html"), page.toString());
        }
    }

    @Test
    void xmlFilesComeBackAsThemselves() throws IOException {
        List<Path> files = new ArrayList<>(corpus(Paths.get("/usr/share/maven-repo"), ".pom", MarkupOptions.xml(),
                text -> !DTD_ENTITIES.matcher(text).find()));
        files.add(Paths.get("src/main/liberty/config/server.xml"));
        for (Path file : files) {
            String xml = Files.readString(file, StandardCharsets.UTF_8);
            Document expected = Parser.xmlParser().parseInput(xml, "");
            settings(expected, Entities.EscapeMode.xhtml);
            Element root = expected.children().first();
            for (String name : new String[]{"xml:lang", "lang"}) {
                if (root.hasAttr(name)) {
                    root.attr(name, "fr");
                }
            }
            assertEquals(expected.outerHtml(), translate(xml, "xml"), file.toString());
        }
    }

    private static String translate(String markup, String tagHandling) {
        String body = Json.createObjectBuilder().add("text", markup).add("source_language", "eng_Latn")
                .add("target_language", "fra_Latn").add("tag_handling", tagHandling).build().toString();
        JsonObject reply = HTTP.postJson("/api/v1/translate", body).expect(200).json();
        return reply.getString("translated_text");
    }

    private static void settings(Document document, Entities.EscapeMode mode) {
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(mode);
    }

    /**
     * Files under {@code root} ending in {@code suffix} that fit the IT server's limits, by path, at most
     * {@link #MAX_FILES}. Missing files skip the test on a developer's machine and fail it in CI, where .ci/run
     * installs them.
     */
    private static List<Path> corpus(Path root, String suffix, MarkupOptions options,
                                     java.util.function.Predicate<String> usable) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList()) {
                    if (files.size() < MAX_FILES && Files.size(p) <= MAX_BYTES && fits(p, options, usable)) {
                        files.add(p);
                    }
                }
            }
        }
        if (files.isEmpty()) {
            String why = "no " + suffix + " files under " + root + " (.ci/run installs libffi-dev's HTML manual and"
                    + " maven's POMs)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return files;
    }

    private static boolean fits(Path file, MarkupOptions options, java.util.function.Predicate<String> usable) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return usable.test(text) && MarkupDocument.read("file", text, options).characterCount() <= MAX_CHARACTERS;
        } catch (IOException | RuntimeException unreadable) {
            return false; // not UTF-8, or not markup this mode reads: not part of the corpus
        }
    }
}
