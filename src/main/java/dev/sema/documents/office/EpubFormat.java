package dev.sema.documents.office;

import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.PartKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EPUB books: every text block ({@link XhtmlBlocks}) of the XHTML content documents the package lists (chapters and
 * the navigation document) is one HTML part; the result is written back as XHTML with {@code lang} and
 * {@code xml:lang}, and the package's {@code dc:language}, set to the target. Titles in the head, the NCX table of
 * contents, images and styles are copied as they are; a book whose content documents are encrypted (DRM) is
 * refused.
 */
@ApplicationScoped
public class EpubFormat implements DocumentFormat {

    private static final String MEDIA_TYPE = "application/epub+zip";

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
            XhtmlBlocks.of(XhtmlBlocks.parse(entry, book.archive().require(entry)))
                    .forEach(block -> parts.add(new DocumentPart(XhtmlBlocks.html(block), PartKind.HTML)));
        }
        return parts;
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        EpubPackage book = EpubPackage.open(ZipArchive.read(file, limits));
        Map<String, byte[]> replaced = new LinkedHashMap<>();
        int next = 0;
        for (String entry : book.contentDocuments()) {
            Document xhtml = XhtmlBlocks.parse(entry, book.archive().require(entry));
            for (Element block : XhtmlBlocks.of(xhtml)) {
                if (next >= translations.size()) {
                    throw new IllegalArgumentException(translations.size() + " translations for more parts");
                }
                XhtmlBlocks.replace(block, translations.get(next++));
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
}
