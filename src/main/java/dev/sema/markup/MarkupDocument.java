package dev.sema.markup;

import dev.sema.translation.AlignmentLink;

import java.util.ArrayList;
import java.util.List;

/**
 * One client text read as markup, ready to translate: its units and attributes, in a fixed order, are the texts
 * the model gets ({@link #texts()}); {@link #render} writes their translations back and serialises.
 */
public final class MarkupDocument {

    /** The aligner as projection needs it, languages already bound. */
    @FunctionalInterface
    public interface Alignment {
        List<AlignmentLink> align(String source, String translation);
    }

    private final MarkupParsing.Parsed parsed;
    private final MarkupFormat format;
    private final List<TextUnit> units;
    private final List<AttributeText> attributes;

    private MarkupDocument(MarkupParsing.Parsed parsed, MarkupFormat format, DocumentWalker.Found found) {
        this.parsed = parsed;
        this.format = format;
        this.units = found.units();
        this.attributes = found.attributes();
    }

    /**
     * @param field the request field holding the text, named in an {@link dev.sema.failure.InvalidMarkupException}
     * @throws dev.sema.failure.InvalidMarkupException for XML that is not well-formed or needs a DTD or entities
     */
    public static MarkupDocument read(String field, String markup, MarkupOptions options) {
        if (options.format() == MarkupFormat.XML) {
            XmlChecks.requireWellFormed(field, markup);
        }
        MarkupParsing.Parsed parsed = MarkupParsing.parse(markup, options.format());
        return new MarkupDocument(parsed, options.format(), DocumentWalker.walk(parsed.content(), options));
    }

    /** What the model translates: each unit's text, then each attribute's, in document order. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(units.size() + attributes.size());
        units.forEach(u -> texts.add(u.text()));
        attributes.forEach(a -> texts.add(a.text()));
        return texts;
    }

    /** Unicode code points the model translates: what limits, usage and quotas count. */
    public int characterCount() {
        return texts().stream().mapToInt(t -> t.codePointCount(0, t.length())).sum();
    }

    /**
     * Whether some unit has inline tags, whose projection after translation needs the aligner (a document of
     * plain paragraphs needs none).
     */
    public boolean tagged() {
        return units.stream().anyMatch(MarkupDocument::tagged);
    }

    private static boolean tagged(TextUnit unit) {
        return !unit.root().children().isEmpty() || !unit.root().anchors().isEmpty();
    }

    /**
     * Writes the translations in and serialises. A unit the model gave back unchanged is left exactly as it was
     * (its spacing and inline tags included); the others get their tags projected, which costs an alignment
     * only where the unit has tags.
     *
     * @param translations one per {@link #texts()}, in that order
     * @param languageTag  the target's BCP 47 tag for the root's {@code lang}
     * @param rightToLeft  whether the target is written right to left
     */
    public String render(List<String> translations, Alignment alignment, String languageTag, boolean rightToLeft) {
        if (translations.size() != units.size() + attributes.size()) {
            throw new IllegalArgumentException(translations.size() + " translations for "
                    + (units.size() + attributes.size()) + " texts");
        }
        for (int i = 0; i < units.size(); i++) {
            TextUnit unit = units.get(i);
            String translation = translations.get(i).strip();
            if (!translation.equals(unit.text())) {
                Layout layout = TagProjection.project(unit, translation,
                        tagged(unit) ? alignment.align(unit.text(), translation) : List.of());
                UnitRebuilder.replace(unit, layout);
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            attributes.get(i).write(translations.get(units.size() + i).strip());
        }
        RootLanguage.apply(parsed, format, languageTag, rightToLeft);
        return parsed.serialize();
    }
}
