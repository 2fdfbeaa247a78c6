package dev.sema.nllb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The piece table of a SentencePiece model, read straight from its protobuf ({@code ModelProto.pieces}).
 * DJL exposes neither the vocabulary size (NLLB derives its language ids from it) nor piece types (needed to
 * turn {@code <0xNN>} byte pieces back into bytes), and asking the native side for an id past the end is
 * undefined behaviour, so the dozen lines of wire-format reading are the safe way.
 */
final class SentencePieceVocabulary {

    /** {@code SentencePiece.Type} values from sentencepiece_model.proto. */
    static final int NORMAL = 1, UNKNOWN = 2, CONTROL = 3, BYTE = 6;

    private final String[] pieces;
    private final byte[] types;
    private final String normalizer;

    private SentencePieceVocabulary(String[] pieces, byte[] types, String normalizer) {
        this.pieces = pieces;
        this.types = types;
        this.normalizer = normalizer;
    }

    static SentencePieceVocabulary read(Path model) {
        try {
            return parse(ByteBuffer.wrap(Files.readAllBytes(model)));
        } catch (IOException | RuntimeException e) {
            throw new NllbModelException("Cannot read SentencePiece model " + model + ": " + e.getMessage(), e);
        }
    }

    private static SentencePieceVocabulary parse(ByteBuffer model) {
        List<String> pieces = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        String normalizer = "";
        while (model.hasRemaining()) {
            long tag = varint(model);
            if (tag == (1 << 3 | 2)) {             // field 1, length-delimited: one SentencePiece
                ByteBuffer piece = slice(model);
                String text = null;
                int type = NORMAL;
                while (piece.hasRemaining()) {
                    long pieceTag = varint(piece);
                    if (pieceTag == (1 << 3 | 2)) {
                        text = StandardCharsets.UTF_8.decode(slice(piece)).toString();
                    } else if (pieceTag == (3 << 3)) {
                        type = (int) varint(piece);
                    } else {
                        skip(piece, (int) (pieceTag & 7));
                    }
                }
                if (text == null) {
                    throw new IllegalArgumentException("piece " + pieces.size() + " has no text");
                }
                pieces.add(text);
                types.add(type);
            } else if (tag == (3 << 3 | 2)) {      // field 3: the NormalizerSpec, whose field 1 is its name
                ByteBuffer spec = slice(model);
                while (spec.hasRemaining()) {
                    long specTag = varint(spec);
                    if (specTag == (1 << 3 | 2)) {
                        normalizer = StandardCharsets.UTF_8.decode(slice(spec)).toString();
                    } else {
                        skip(spec, (int) (specTag & 7));
                    }
                }
            } else {
                skip(model, (int) (tag & 7));
            }
        }
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("no pieces (not a SentencePiece model?)");
        }
        byte[] typeArray = new byte[types.size()];
        for (int i = 0; i < typeArray.length; i++) {
            typeArray[i] = types.get(i).byteValue();
        }
        return new SentencePieceVocabulary(pieces.toArray(String[]::new), typeArray, normalizer);
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    private static ByteBuffer slice(ByteBuffer in) {
        int length = Math.toIntExact(varint(in));
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        return slice;
    }

    private static void skip(ByteBuffer in, int wireType) {
        switch (wireType) {
            case 0 -> varint(in);
            case 1 -> in.position(in.position() + 8);
            case 2 -> slice(in);
            case 5 -> in.position(in.position() + 4);
            default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
        }
    }

    int size() {
        return pieces.length;
    }

    String piece(int id) {
        return pieces[id];
    }

    int type(int id) {
        return types[id];
    }

    /**
     * Whether the model's normalizer applies NFKC first ({@code nmt_nfkc}, NLLB's, and the other
     * {@code nfkc} rules), rather than leaving characters as they are ({@code identity}, the test models').
     */
    boolean normalizesNfkc() {
        return normalizer.contains("nfkc");
    }

    /** What piece {@code id} spells in the normalized text, {@code ▁} included; null for unknown and byte pieces. */
    String spelling(int id) {
        return types[id] == UNKNOWN || types[id] == BYTE ? null : pieces[id];
    }
}
