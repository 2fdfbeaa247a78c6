package dev.sema.glossary;

import dev.sema.failure.InvalidGlossaryException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries from TSV or CSV text, validated line by line: a refused dictionary lists its problems with their line
 * numbers (the first {@value #PROBLEMS_SHOWN}), so a user can fix a spreadsheet export in one go. Blank lines are
 * skipped; a CSV field may be quoted ({@code "a, b"}, {@code ""} for a quote) but not span lines.
 */
public final class EntriesParser {

    public static final int MAX_ENTRIES = 10_000;
    public static final int MAX_TERM_LENGTH = 200;
    static final int PROBLEMS_SHOWN = 20;

    private EntriesParser() {
    }

    /**
     * @param field the request field the text came from, named in the error
     * @throws InvalidGlossaryException when any line breaks a rule, or there are no entries
     */
    public static List<GlossaryEntry> parse(String text, EntriesFormat format, String field) {
        List<GlossaryEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int line = index + 1;
            if (lines[index].isBlank()) {
                continue;
            }
            List<String> fields = format == EntriesFormat.TSV ? List.of(lines[index].split("\t", -1)) : csvFields(lines[index]);
            if (fields == null || fields.size() != 2) {
                problems.add("line " + line + ": expected 2 " + format.code().toUpperCase() + " fields (source, target)");
                continue;
            }
            String source = fields.get(0).strip();
            String target = fields.get(1).strip();
            if (source.isEmpty() || target.isEmpty()) {
                problems.add("line " + line + ": empty " + (source.isEmpty() ? "source" : "target") + " term");
            } else if ((source + target).contains("\t")) {
                problems.add("line " + line + ": a term contains a tab");
            } else if (source.length() > MAX_TERM_LENGTH || target.length() > MAX_TERM_LENGTH) {
                problems.add("line " + line + ": a term is longer than " + MAX_TERM_LENGTH + " characters");
            } else {
                Integer earlier = firstLine.putIfAbsent(TermFolding.fold(source), line);
                if (earlier != null) {
                    problems.add("line " + line + ": source term duplicates line " + earlier);
                } else {
                    entries.add(new GlossaryEntry(source, target));
                }
            }
        }
        if (entries.size() > MAX_ENTRIES) {
            problems.add(entries.size() + " entries, more than " + MAX_ENTRIES);
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add("no entries");
        }
        if (!problems.isEmpty()) {
            throw new InvalidGlossaryException(field, "Invalid glossary entries (" + problems.size() + " problems): "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))),
                    problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
        }
        return List.copyOf(entries);
    }

    /** The entries as text in {@code format}, readable back by {@link #parse}. */
    public static String write(List<GlossaryEntry> entries, EntriesFormat format) {
        StringBuilder text = new StringBuilder();
        for (GlossaryEntry entry : entries) {
            if (format == EntriesFormat.TSV) {
                text.append(entry.source()).append('\t').append(entry.target());
            } else {
                text.append(csvQuoted(entry.source())).append(',').append(csvQuoted(entry.target()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The fields of one CSV line, or null when a quote is left open. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return quoted ? null : fields;
    }

    private static String csvQuoted(String term) {
        return term.contains(",") || term.contains("\"") ? '"' + term.replace("\"", "\"\"") + '"' : term;
    }
}
