package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Excel workbooks: text cells (the shared strings, with their rich-text runs, and inline strings) and cell
 * comments. Formulas, their cached results, numbers, dates and sheet names are never touched: a formula's text
 * result lives in the cell itself, not among the shared strings. Spreadsheet text names no language.
 */
@ApplicationScoped
public class XlsxFormat extends OoxmlFormat {

    @Inject
    public XlsxFormat(ZipLimits limits) {
        super(limits, "xl/", new PackageKind("xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", OoxmlDialect.sheet(),
                (document, tag) -> { }, List.of("xl/sharedStrings\\.xml", "xl/worksheets/sheet(\\d+)\\.xml",
                "xl/comments(\\d+)\\.xml"), List.of()));
    }

    /** For the CDI client proxy only. */
    protected XlsxFormat() {
        this(null);
    }
}
