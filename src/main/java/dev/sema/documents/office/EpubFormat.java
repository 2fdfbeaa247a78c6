package dev.sema.documents.office;

import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.PartKind;
import dev.sema.documents.format.UnreadableDocumentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EPUB books: the body of every XHTML content document the package lists (chapters and the navigation document)
 * is one HTML part, so the markup engine reads its blocks, inline tags, {@code alt} and {@code title} as it reads a
 * web page; the result is written back as XHTML with {@code lang}/{@code xml:lang} and the package's
 * {@code dc:language} set to the target. The NCX table of contents, images and styles are copied as they are; a
 * book whose content documents are encrypted (DRM) is refused.
 */
@ApplicationScoped
public class EpubFormat implements DocumentFormat {

    private static final String MEDIA_TYPE = "application/epub+zip";

    /** HTML's void elements: the only ones an HTML parser reads as empty. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private final ZipLimits limits;

    @Inject
    public EpubFormat(ZipLimits limits) {
        this.limits = limits;
    }

    /** For the CDI client proxy only. */
    protected EpubFormat() {
        this(null);
    }

    @Override
    public String name() {
        return "epub";
    }

    @Override
    public String contentType() {
        return MEDIA_TYPE;
    }

    @Override
    public boolean recognises(FileSample sample) {
        return ZipArchive.mimetype(sample.bytes()).filter(MEDIA_TYPE::equals).isPresent();
    }

    @Override
    public List<DocumentPart> extract(byte[] file) {
        EpubPackage book = EpubPackage.open(ZipArchive.read(file, limits));
        List<DocumentPart> parts = new ArrayList<>();
        for (String entry : book.contentDocuments()) {
            Document xhtml = parse(entry, book.archive().require(entry));
            Element body = xhtml.selectFirst("body");
            if (body != null && !body.text().isBlank()) {
                parts.add(new DocumentPart(asHtml(body), PartKind.HTML));
            }
        }
        return parts;
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        EpubPackage book = EpubPackage.open(ZipArchive.read(file, limits));
        Map<String, byte[]> replaced = new LinkedHashMap<>();
        int next = 0;
        for (String entry : book.contentDocuments()) {
            Document xhtml = parse(entry, book.archive().require(entry));
            Element body = xhtml.selectFirst("body");
            if (body != null && !body.text().isBlank()) {
                if (next >= translations.size()) {
                    throw new IllegalArgumentException(translations.size() + " translations for more parts");
                }
                body.empty();
                Parser.parseBodyFragment(translations.get(next++), "").body().childNodesCopy()
                        .forEach(body::appendChild);
            }
            Element root = xhtml.selectFirst("html");
            if (root != null) {
                root.attr("lang", targetTag).attr("xml:lang", targetTag);
            }
            replaced.put(entry, xhtml.outerHtml().getBytes(StandardCharsets.UTF_8));
        }
        if (next != translations.size()) {
            throw new IllegalArgumentException(translations.size() + " translations for " + next + " parts");
        }
        replaced.put(book.packagePath(), book.packageWithLanguage(targetTag));
        return book.archive().with(replaced);
    }

    /**
     * The body's content as an HTML parser reads it right: an empty non-void element written {@code <p></p>} (HTML
     * would take {@code <p/>} as an opening tag), void ones as {@code <br />}.
     */
    private static String asHtml(Element body) {
        for (Element element : body.select("*")) {
            if (element != body && element.childNodeSize() == 0 && !VOID.contains(element.normalName())) {
                element.appendChild(new TextNode(""));
            }
        }
        return body.html();
    }

    /**
     * XHTML read with jsoup's XML parser, which never fetches a DTD or expands an entity it does not know, and
     * written back as XML with only the five XML escapes.
     */
    private static Document parse(String entry, byte[] bytes) {
        Document document = Parser.xmlParser().parseInput(new String(bytes, StandardCharsets.UTF_8), "");
        if (document.selectFirst("html") == null) {
            throw new UnreadableDocumentException("the book's " + entry + " is not an XHTML document");
        }
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.xhtml).syntax(Document.OutputSettings.Syntax.xml);
        return document;
    }
}
