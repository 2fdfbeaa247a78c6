package dev.sema.documents.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Text files as the text formats read them: UTF-8 only (strictly decoded, so a binary file is not mistaken for
 * text), a byte-order mark kept, and the file name's extension as a hint.
 */
final class TextFiles {

    private static final String BOM = "\uFEFF";

    private TextFiles() {
    }

    /** The file's text without its byte-order mark, or empty if it is not UTF-8 text (NUL bytes included). */
    static Optional<String> decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            return Optional.of(text.startsWith(BOM) ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** As {@link #decode}, for extraction: not text is an unreadable file. */
    static String require(byte[] bytes, String format) {
        return decode(bytes).orElseThrow(() -> new UnreadableDocumentException("The " + format
                + " file is not UTF-8 text."));
    }

    /** The text as the file's bytes, with a byte-order mark if the original had one. */
    static byte[] encode(String text, byte[] original) {
        boolean bom = original.length >= 3 && (original[0] & 0xff) == 0xef && (original[1] & 0xff) == 0xbb
                && (original[2] & 0xff) == 0xbf;
        return ((bom ? BOM : "") + text).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the file name ends with one of the extensions (dot included, any case). */
    static boolean named(FileSample sample, String... extensions) {
        if (sample.fileName() == null) {
            return false;
        }
        String name = sample.fileName().toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code limit} characters after leading white space, lower-cased: for sniffing a root or header. */
    static String head(String text, int limit) {
        String stripped = text.stripLeading();
        return stripped.substring(0, Math.min(limit, stripped.length())).toLowerCase(Locale.ROOT);
    }

    /** Checks that the rebuild got one translation per extracted part. */
    static void requireCount(int parts, int translations) {
        if (parts != translations) {
            throw new IllegalArgumentException(translations + " translations for " + parts + " parts");
        }
    }
}
