package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OpenDocument Writer text documents: body, tables, frames and text boxes, notes, comments, headers and footers. */
@ApplicationScoped
public class OdtFormat extends OdfFormat {

    @Inject
    public OdtFormat(ZipLimits limits) {
        super(limits);
    }

    /** For the CDI client proxy only. */
    protected OdtFormat() {
        this(null);
    }

    @Override
    public String name() {
        return "odt";
    }

    @Override
    public String contentType() {
        return "application/vnd.oasis.opendocument.text";
    }
}
