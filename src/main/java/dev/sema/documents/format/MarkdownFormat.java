package dev.sema.documents.format;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown (CommonMark): the text of paragraphs and headings is translated, in lists and quotes too, with their
 * inline formatting ({@link MarkdownInlines}); code blocks, code spans, raw HTML, link targets and every marker
 * stay as they are. Each block's inline content is replaced in the source, so the rest of the file is untouched.
 */
@ApplicationScoped
public class MarkdownFormat implements DocumentFormat {

    /** Lines that only Markdown writes: ATX headings, fences, inline links, setext underlines. */
    private static final Pattern MARKDOWN_LINE = Pattern.compile(
            "(?m)^(#{1,6} \\S.*|```.*|~~~.*|.*\\[[^]]+]\\([^)]+\\).*|(=+|-+)[ \\t]*)$");

    @Override
    public String name() {
        return "md";
    }

    @Override
    public String contentType() {
        return "text/markdown; charset=UTF-8";
    }

    @Override
    public boolean recognises(FileSample sample) {
        return TextFiles.decode(sample.bytes()).map(text -> TextFiles.named(sample, ".md", ".markdown")
                || MARKDOWN_LINE.matcher(text).results().limit(2).count() == 2).orElse(false);
    }

    @Override
    public List<DocumentPart> extract(byte[] file) {
        String text = TextFiles.require(file, name());
        return blocks(text).stream().map(b -> new DocumentPart(MarkdownInlines.toHtml(b, text,
                MarkdownInlines.range(b)[1]), PartKind.HTML)).toList();
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        String text = TextFiles.require(file, name());
        List<Node> blocks = blocks(text);
        TextFiles.requireCount(blocks.size(), translations.size());
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < blocks.size(); i++) {
            int[] range = MarkdownInlines.range(blocks.get(i));
            out.append(text, copied, range[0]).append(MarkdownInlines.toMarkdown(translations.get(i)));
            copied = range[1];
        }
        return TextFiles.encode(out.append(text.substring(copied)).toString(), file);
    }

    /** Paragraphs and headings with words, in source order. */
    private static List<Node> blocks(String text) {
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build()
                .parse(text);
        List<Node> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                add(paragraph);
            }

            @Override
            public void visit(Heading heading) {
                add(heading);
            }

            private void add(Node block) {
                if (MarkdownInlines.hasWords(block)) {
                    blocks.add(block);
                }
            }
        });
        return blocks;
    }
}
