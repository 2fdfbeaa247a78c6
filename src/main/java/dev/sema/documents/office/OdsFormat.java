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
        super(limits, "ods", "spreadsheet");
    }

    /** For the CDI client proxy only. */
    protected OdsFormat() {
        this(null);
    }
}
