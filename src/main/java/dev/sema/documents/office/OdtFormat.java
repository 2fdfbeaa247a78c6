package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OpenDocument Writer text documents: body, tables, frames and text boxes, notes, comments, headers and footers. */
@ApplicationScoped
public class OdtFormat extends OdfFormat {

    @Inject
    public OdtFormat(ZipLimits limits) {
        super(limits, "odt", "text");
    }

    /** For the CDI client proxy only. */
    protected OdtFormat() {
        this(null);
    }
}
