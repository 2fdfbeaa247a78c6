package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Excel workbooks: text cells (the shared strings, with their rich-text runs, and inline strings) and cell
 * comments. Formulas, their cached results, numbers, dates and sheet names are never touched: a formula's text
 * result lives in the cell itself, not among the shared strings.
 */
@ApplicationScoped
public class XlsxFormat extends OoxmlFormat {

    @Inject
    public XlsxFormat(ZipLimits limits) {
        super(limits, "xl/");
    }

    /** For the CDI client proxy only. */
    protected XlsxFormat() {
        this(null);
    }

    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public String contentType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    List<String> textEntries(ZipArchive archive) {
        return entries(archive, "xl/sharedStrings\\.xml", "xl/worksheets/sheet(\\d+)\\.xml",
                "xl/comments(\\d+)\\.xml");
    }

    @Override
    Dialect dialect() {
        return OoxmlDialect.sheet();
    }

    @Override
    List<String> languageEntries(ZipArchive archive) {
        return List.of();
    }

    @Override
    LanguageAttributes languages() {
        return (document, tag) -> {
        };
    }
}
