package dev.sema.alignment;

import dev.sema.translation.AlignmentLink;
import dev.sema.translation.TranslatedSegment;

import java.util.ArrayList;
import java.util.List;

/**
 * Links for what the engine copied rather than translated: the text before, between and after its segments
 * (white space, and passages without letters such as "42." or "→"). Where such a stretch reads the same in
 * source and translation, each run of non-white-space characters is linked to its copy, so a tag around it
 * stays around it without asking the encoder.
 */
final class VerbatimLinks {

    private VerbatimLinks() {
    }

    /** @param segments in text order, within both texts */
    static List<AlignmentLink> between(String source, String target, List<TranslatedSegment> segments) {
        List<AlignmentLink> links = new ArrayList<>();
        int source0 = 0;
        int target0 = 0;
        for (int i = 0; i <= segments.size(); i++) {
            int sourceEnd = i < segments.size() ? segments.get(i).sourceStart() : source.length();
            int targetEnd = i < segments.size() ? segments.get(i).targetStart() : target.length();
            if (sourceEnd >= source0 && targetEnd >= target0
                    && source.substring(source0, sourceEnd).equals(target.substring(target0, targetEnd))) {
                runs(source, source0, sourceEnd, target0 - source0, links);
            }
            if (i < segments.size()) {
                source0 = segments.get(i).sourceEnd();
                target0 = segments.get(i).targetEnd();
            }
        }
        return links;
    }

    /** Each run of non-white-space characters in {@code [from, to)} of the source, linked to its copy. */
    private static void runs(String source, int from, int to, int shift, List<AlignmentLink> links) {
        int run = -1;
        for (int c = from; c <= to; c++) {
            boolean space = c == to || Character.isWhitespace(source.charAt(c));
            if (!space && run < 0) {
                run = c;
            } else if (space && run >= 0) {
                links.add(new AlignmentLink(run, c, run + shift, c + shift));
                run = -1;
            }
        }
    }
}
