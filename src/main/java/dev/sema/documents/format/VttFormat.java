package dev.sema.documents.format;

import jakarta.enterprise.context.ApplicationScoped;

/** WebVTT subtitles: the {@code WEBVTT} header, notes, styles and regions kept; cue settings and timings too. */
@ApplicationScoped
public class VttFormat extends SubtitleFormat {

    @Override
    public String name() {
        return "vtt";
    }

    @Override
    public String contentType() {
        return "text/vtt; charset=UTF-8";
    }

    @Override
    public boolean recognises(FileSample sample) {
        return TextFiles.decode(sample.bytes()).map(text -> text.startsWith("WEBVTT")
                && (text.length() == 6 || Character.isWhitespace(text.charAt(6)))).orElse(false);
    }
}
