package dev.sema.documents.format;

import java.util.List;

/**
 * One file format a document can come in: it recognises its files by content, lists their translatable parts and
 * writes a translation back into the same file. Implementations are {@code @ApplicationScoped} beans; the documents
 * service finds them all through CDI, so a new format is one new class.
 *
 * <p>Extraction is deterministic (the same bytes give the same parts in the same order): a job that another replica
 * resumes extracts again from the stored original and continues with the parts not yet translated.
 */
public interface DocumentFormat {

    /** Short lower-case name, as in metrics labels, errors and the result's file extension ("docx", "srt"). */
    String name();

    /** The media type of this format's files, for the result download. */
    String contentType();

    /**
     * Whether the sample is a file of this format, decided by its content (magic bytes, zip entries, root element);
     * the file name only breaks ties between formats with the same container (xml vs xliff, txt vs srt).
     */
    boolean recognises(FileSample sample);

    /**
     * How many files this format takes besides its own: 0 for a format that recognises only its own files (the
     * default); more for a fallback that takes any file of its container, as plain XML takes any XML (1) and plain
     * text any text (2). A file goes to the recognising format of lowest generality, so an XLIFF file is not read as
     * XML, nor XML or subtitles as text.
     */
    default int generality() {
        return 0;
    }

    /**
     * @return the translatable parts in document order
     * @throws UnreadableDocumentException when the file is corrupt, encrypted, password-protected or unsafe
     */
    List<DocumentPart> extract(byte[] file);

    /**
     * @param file         the original bytes, as given to {@link #extract}
     * @param translations one translation per extracted part, in order, each in its part's {@link PartKind}
     * @param targetTag    the target language as a BCP 47 tag ("fr", "zh-Hans"), for language attributes
     * @return the translated file, same format
     * @throws UnreadableDocumentException as {@link #extract}
     */
    byte[] rebuild(byte[] file, List<String> translations, String targetTag);
}
