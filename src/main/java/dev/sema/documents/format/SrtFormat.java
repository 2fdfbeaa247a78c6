package dev.sema.documents.format;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/** SubRip subtitles: numbered cues with {@code hh:mm:ss,mmm --> hh:mm:ss,mmm} timings, kept as they are. */
@ApplicationScoped
public class SrtFormat extends SubtitleFormat {

    private static final Pattern FIRST_CUE = Pattern.compile(
            "\\s*\\d+[ \\t]*\\r?\\n\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{3}[ \\t]*-->[ \\t]*\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{3}.*",
            Pattern.DOTALL);

    @Override
    public String name() {
        return "srt";
    }

    @Override
    public String contentType() {
        return "application/x-subrip; charset=UTF-8";
    }

    @Override
    public boolean recognises(FileSample sample) {
        return TextFiles.decode(sample.bytes()).map(text -> FIRST_CUE.matcher(text).matches()).orElse(false);
    }
}
