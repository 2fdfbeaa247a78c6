package dev.sema.documents.format;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Any other XML, read by its outline as {@code tag_handling=xml} reads it (elements inside running text are inline);
 * a fallback (generality 1), so XLIFF and XHTML go to their own formats. Parsed with the markup engine's hardened
 * StAX (no DTDs, no external entities).
 */
@ApplicationScoped
public class XmlFormat extends WholeMarkupFormat {

    public XmlFormat() {
        super(PartKind.XML);
    }

    @Override
    public String name() {
        return "xml";
    }

    @Override
    public String contentType() {
        return "application/xml; charset=UTF-8";
    }

    /** Takes any XML that no more specific format recognises. */
    @Override
    public int generality() {
        return 1;
    }

    @Override
    public boolean recognises(FileSample sample) {
        return TextFiles.decode(sample.bytes()).map(text -> {
            String head = TextFiles.head(text, 2);
            return head.startsWith("<?") || head.length() == 2 && head.charAt(0) == '<'
                    && (Character.isLetter(head.charAt(1)) || head.charAt(1) == '!');
        }).orElse(false);
    }
}
