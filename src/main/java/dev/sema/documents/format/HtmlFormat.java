package dev.sema.documents.format;

import jakarta.enterprise.context.ApplicationScoped;

/** HTML and XHTML pages: a doctype or root {@code html}, or markup in a file named {@code .html}/{@code .xhtml}. */
@ApplicationScoped
public class HtmlFormat extends WholeMarkupFormat {

    public HtmlFormat() {
        super(PartKind.HTML);
    }

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String contentType() {
        return "text/html; charset=UTF-8";
    }

    @Override
    public boolean recognises(FileSample sample) {
        return TextFiles.decode(sample.bytes()).map(text -> {
            String head = TextFiles.head(text, 1024);
            return head.startsWith("<!doctype html") || head.startsWith("<html")
                    || head.startsWith("<?xml") && head.contains("<html")
                    || head.startsWith("<") && TextFiles.named(sample, ".html", ".htm", ".xhtml");
        }).orElse(false);
    }
}
