package dev.sema.documents.format;

import java.util.List;

/** A subtitle format: its cues' text translated, everything else kept ({@link CueFile}). */
abstract class SubtitleFormat implements DocumentFormat {

    @Override
    public List<DocumentPart> extract(byte[] file) {
        return CueFile.parse(file, name()).parts();
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        return TextFiles.encode(CueFile.parse(file, name()).rebuild(translations), file);
    }
}
