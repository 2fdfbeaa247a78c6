package dev.sema.documents.office;

import dev.sema.documents.format.UnreadableDocumentException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * An EPUB's package: {@code META-INF/container.xml} names the package document (OPF), whose manifest lists the
 * XHTML content documents. Read with the hardened DOM; hrefs are resolved against the package document's folder
 * and must stay inside the archive.
 */
record EpubPackage(ZipArchive archive, String packagePath, Document opf, List<String> contentDocuments) {

    private static final String CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container";
    private static final String OPF_NS = "http://www.idpf.org/2007/opf";
    private static final String ENCRYPTION = "META-INF/encryption.xml";

    static EpubPackage open(ZipArchive archive) {
        String container = "META-INF/container.xml";
        Document containerXml = SafeXml.parse(container, archive.require(container));
        NodeList rootfiles = containerXml.getElementsByTagNameNS(CONTAINER_NS, "rootfile");
        if (rootfiles.getLength() == 0) {
            throw new UnreadableDocumentException("the book's container.xml names no package document");
        }
        String packagePath = ((Element) rootfiles.item(0)).getAttribute("full-path");
        Document opf = SafeXml.parse(packagePath, archive.require(packagePath));
        List<String> documents = new ArrayList<>();
        NodeList items = opf.getElementsByTagNameNS(OPF_NS, "item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if ("application/xhtml+xml".equals(item.getAttribute("media-type"))) {
                documents.add(resolve(packagePath, item.getAttribute("href")));
            }
        }
        refuseEncrypted(archive, documents);
        return new EpubPackage(archive, packagePath, opf, List.copyOf(documents));
    }

    /** The package document with its {@code dc:language} set to the target. */
    byte[] packageWithLanguage(String tag) {
        Document copy = (Document) opf.cloneNode(true);
        LanguageAttributes.dublinCore(copy, tag);
        return SafeXml.serialize(copy);
    }

    private static String resolve(String packagePath, String href) {
        try {
            URI base = new URI(null, null, "/" + packagePath, null);
            String path = base.resolve(new URI(href)).getPath();
            if (path == null || !path.startsWith("/") || path.contains("/../")) {
                throw new UnreadableDocumentException("the book's manifest points outside it: " + href);
            }
            return path.substring(1);
        } catch (URISyntaxException e) {
            throw new UnreadableDocumentException("the book's manifest has an unreadable href: " + href, e);
        }
    }

    /** Font obfuscation is allowed; an encrypted content document (DRM) cannot be translated. */
    private static void refuseEncrypted(ZipArchive archive, List<String> documents) {
        archive.bytes(ENCRYPTION).ifPresent(bytes -> {
            NodeList references = SafeXml.parse(ENCRYPTION, bytes)
                    .getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "CipherReference");
            for (int i = 0; i < references.getLength(); i++) {
                String uri = ((Element) references.item(i)).getAttribute("URI");
                if (documents.contains(uri)) {
                    throw new UnreadableDocumentException("the book is encrypted (DRM); it cannot be translated");
                }
            }
        });
    }
}
