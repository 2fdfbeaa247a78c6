package dev.sema.documents.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Word documents: the body (with its tables and text boxes), headers, footers, footnotes, endnotes and comments.
 * Field codes, deleted text (tracked changes) and content controls' placeholder settings are not translated.
 */
@ApplicationScoped
public class DocxFormat extends OoxmlFormat {

    @Inject
    public DocxFormat(ZipLimits limits) {
        super(limits, "word/", new PackageKind("docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", OoxmlDialect.word(),
                LanguageAttributes::word, List.of("word/document\\.xml", "word/header(\\d*)\\.xml",
                "word/footer(\\d*)\\.xml", "word/footnotes\\.xml", "word/endnotes\\.xml", "word/comments\\.xml"),
                List.of("word/styles\\.xml")));
    }

    /** For the CDI client proxy only. */
    protected DocxFormat() {
        this(null);
    }

    @Override
    boolean claimsUnnamedEncrypted() {
        return true;
    }
}
