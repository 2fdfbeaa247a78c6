package dev.sema.documents.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain text cut at blank lines: the paragraphs (translated one part each, their inner line breaks kept) and the
 * separators between them (kept exactly).
 */
record Paragraphs(List<String> paragraphs, List<String> separators) {

    private static final Pattern BLANK_LINES = Pattern.compile("\\r?\\n[ \\t]*(?:\\r?\\n[ \\t]*)+");

    /** @return the paragraphs and the {@code paragraphs.size() + 1} separators around them (the outer ones may be "") */
    static Paragraphs of(String text) {
        List<String> paragraphs = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        StringBuilder separator = new StringBuilder();
        Matcher blank = BLANK_LINES.matcher(text);
        int start = 0;
        while (true) {
            boolean found = blank.find();
            String chunk = text.substring(start, found ? blank.start() : text.length());
            if (chunk.isBlank()) {
                separator.append(chunk);
            } else {
                separators.add(separator.toString());
                paragraphs.add(chunk);
                separator.setLength(0);
            }
            if (!found) {
                separators.add(separator.toString());
                return new Paragraphs(paragraphs, separators);
            }
            separator.append(blank.group());
            start = blank.end();
        }
    }

    /** The text again, each paragraph replaced by its translation. */
    String join(List<String> translations) {
        StringBuilder out = new StringBuilder(separators.get(0));
        for (int i = 0; i < translations.size(); i++) {
            out.append(translations.get(i)).append(separators.get(i + 1));
        }
        return out.toString();
    }
}
