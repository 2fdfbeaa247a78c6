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
        super(limits, "word/");
    }

    /** For the CDI client proxy only. */
    protected DocxFormat() {
        this(null);
    }

    @Override
    public String name() {
        return "docx";
    }

    @Override
    public String contentType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    @Override
    boolean claimsUnnamedEncrypted() {
        return true;
    }

    @Override
    List<String> textEntries(ZipArchive archive) {
        return entries(archive, "word/document\\.xml", "word/header(\\d*)\\.xml", "word/footer(\\d*)\\.xml",
                "word/footnotes\\.xml", "word/endnotes\\.xml", "word/comments\\.xml");
    }

    @Override
    Dialect dialect() {
        return OoxmlDialect.word();
    }

    @Override
    List<String> languageEntries(ZipArchive archive) {
        return entries(archive, "word/styles\\.xml");
    }

    @Override
    LanguageAttributes languages() {
        return LanguageAttributes::word;
    }
}
