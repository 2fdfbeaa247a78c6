package dev.sema.documents.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Subtitles (SRT, WebVTT) as blocks between blank lines: a block with a timing line ({@code -->}) is a cue whose
 * following lines are its text, translated as one part (lines joined) and wrapped again on rebuild; everything else
 * (numbers, timings, settings, headers, notes, styles) is kept byte for byte.
 */
final class CueFile {

    /** Characters per subtitle line, the usual broadcast limit. */
    static final int LINE_WIDTH = 42;

    private final Paragraphs blocks;

    private CueFile(String text) {
        this.blocks = Paragraphs.of(text);
    }

    static CueFile parse(byte[] file, String format) {
        return new CueFile(TextFiles.require(file, format));
    }

    List<DocumentPart> parts() {
        List<DocumentPart> parts = new ArrayList<>();
        for (String block : blocks.paragraphs()) {
            List<String> lines = block.lines().toList();
            int timing = timingLine(lines);
            if (timing >= 0 && timing < lines.size() - 1) {
                parts.add(new DocumentPart(String.join(" ", lines.subList(timing + 1, lines.size()).stream()
                        .map(String::strip).toList()), PartKind.TEXT));
            }
        }
        return parts;
    }

    String rebuild(List<String> translations) {
        TextFiles.requireCount(parts().size(), translations.size());
        List<String> out = new ArrayList<>();
        int next = 0;
        for (String block : blocks.paragraphs()) {
            List<String> lines = block.lines().toList();
            int timing = timingLine(lines);
            if (timing >= 0 && timing < lines.size() - 1) {
                List<String> cue = new ArrayList<>(lines.subList(0, timing + 1));
                cue.addAll(wrap(translations.get(next++).strip()));
                String trailing = block.substring(block.replaceAll("[\r\n]+$", "").length());
                out.add(String.join(block.contains("\r\n") ? "\r\n" : "\n", cue) + trailing);
            } else {
                out.add(block);
            }
        }
        return blocks.join(out);
    }

    private static int timingLine(List<String> lines) {
        for (int i = 0; i < Math.min(3, lines.size()); i++) {
            if (lines.get(i).contains("-->")) {
                return i;
            }
        }
        return -1;
    }

    /** Greedy wrap at {@link #LINE_WIDTH}; a word longer than a line stands alone. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
