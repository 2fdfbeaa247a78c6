package dev.sema.nllb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns SentencePiece ids back into text without the native decoder, which garbles characters outside the BMP
 * in DJL 0.34. Pieces are concatenated as UTF-8 bytes, {@code ▁} (U+2581) becomes a space, byte-fallback pieces
 * {@code <0xNN>} contribute their single byte, and the dummy-prefix space SentencePiece put in front of the
 * text is removed. Byte sequences that are not valid UTF-8 (a model can emit any bytes) become U+FFFD, as in
 * SentencePiece itself.
 */
final class Detokenizer {

    private static final char WORD_BOUNDARY = '\u2581';

    private final SentencePieceVocabulary vocabulary;

    Detokenizer(SentencePieceVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** @param pieceIds SentencePiece ids (no fairseq offset); control and unknown pieces are skipped */
    String detokenize(int[] pieceIds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(pieceIds.length * 4);
        for (int id : pieceIds) {
            switch (vocabulary.type(id)) {
                case SentencePieceVocabulary.CONTROL, SentencePieceVocabulary.UNKNOWN -> { }
                case SentencePieceVocabulary.BYTE -> bytes.write(byteValue(vocabulary.piece(id)));
                default -> bytes.writeBytes(vocabulary.piece(id).replace(WORD_BOUNDARY, ' ').getBytes(StandardCharsets.UTF_8));
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    /** {@code <0xE2>} → 0xE2. */
    private static int byteValue(String piece) {
        return Integer.parseInt(piece, 3, 5, 16);
    }
}
