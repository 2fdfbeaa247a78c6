package dev.sema.documents.office;

import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.PartKind;
import dev.sema.documents.format.UnreadableDocumentException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An office package: a zip whose text lives in some of its XML entries. Extraction lists every translatable
 * paragraph of those entries, in entry order, as an XML fragment ({@link RunFragments}); rebuilding writes the
 * translations into the same paragraphs, sets the language attributes to the target and copies every other entry
 * as it was.
 */
abstract class PackageFormat implements DocumentFormat {

    private final ZipLimits limits;
    private final PackageKind kind;

    PackageFormat(ZipLimits limits, PackageKind kind) {
        this.limits = limits;
        this.kind = kind;
    }

    ZipLimits limits() {
        return limits;
    }

    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public String contentType() {
        return kind.contentType();
    }

    /** The entries whose paragraphs are translated, in a fixed order. */
    private List<String> textEntries(ZipArchive archive) {
        return entries(archive, kind.textEntries());
    }

    /** Refuses a file this format cannot read safely: protected, not a package of this kind. */
    abstract void check(ZipArchive archive);

    /**
     * The archive's entries matching each pattern in turn; within a pattern, by the number its first group
     * captures (slide2 before slide10), then by name.
     */
    private static List<String> entries(ZipArchive archive, List<String> patterns) {
        List<String> ordered = new ArrayList<>();
        for (String pattern : patterns) {
            Pattern compiled = Pattern.compile(pattern);
            archive.names().stream().filter(n -> compiled.matcher(n).matches())
                    .sorted(Comparator.comparingLong((String n) -> number(compiled, n))
                            .thenComparing(Comparator.naturalOrder()))
                    .forEach(ordered::add);
        }
        return ordered;
    }

    private static long number(Pattern pattern, String name) {
        Matcher matcher = pattern.matcher(name);
        if (!matcher.matches() || matcher.groupCount() == 0 || matcher.group(1) == null
                || matcher.group(1).isEmpty()) {
            return 0;
        }
        String digits = matcher.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private ZipArchive open(byte[] file) {
        PackageProtection.refuseOle2(file);
        ZipArchive archive = ZipArchive.read(file, limits);
        check(archive);
        if (textEntries(archive).isEmpty()) {
            throw new UnreadableDocumentException("the file is not a " + name() + " document (no text entries)");
        }
        return archive;
    }

    @Override
    public List<DocumentPart> extract(byte[] file) {
        ZipArchive archive = open(file);
        List<DocumentPart> parts = new ArrayList<>();
        for (String entry : textEntries(archive)) {
            new XmlTextPart(entry, archive.require(entry), kind.dialect()).fragments()
                    .forEach(xml -> parts.add(new DocumentPart(xml, PartKind.XML)));
        }
        return parts;
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        ZipArchive archive = open(file);
        Map<String, byte[]> replaced = new LinkedHashMap<>();
        int next = 0;
        for (String entry : textEntries(archive)) {
            XmlTextPart part = new XmlTextPart(entry, archive.require(entry), kind.dialect());
            int count = part.fragments().size();
            if (next + count > translations.size()) {
                throw new IllegalArgumentException(translations.size() + " translations for more parts");
            }
            part.translate(translations.subList(next, next + count));
            next += count;
            kind.languages().apply(part.document(), targetTag);
            replaced.put(entry, SafeXml.serialize(part.document()));
        }
        if (next != translations.size()) {
            throw new IllegalArgumentException(translations.size() + " translations for " + next + " parts");
        }
        for (String entry : entries(archive, kind.languageEntries())) {
            if (!replaced.containsKey(entry)) {
                var document = SafeXml.parse(entry, archive.require(entry));
                kind.languages().apply(document, targetTag);
                replaced.put(entry, SafeXml.serialize(document));
            }
        }
        return archive.with(replaced);
    }
}
