package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * OpenDocument Calc spreadsheets: text cells and comments; formula, number, date and other value cells keep their
 * content.
 */
@ApplicationScoped
public class OdsFormat extends OdfFormat {

    @Inject
    public OdsFormat(ZipLimits limits) {
        super(limits);
    }

    /** For the CDI client proxy only. */
    protected OdsFormat() {
        this(null);
    }

    @Override
    public String name() {
        return "ods";
    }

    @Override
    public String contentType() {
        return "application/vnd.oasis.opendocument.spreadsheet";
    }
}
