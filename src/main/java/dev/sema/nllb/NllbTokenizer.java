package dev.sema.nllb;

import ai.djl.sentencepiece.SpProcessor;
import ai.djl.sentencepiece.SpTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * NLLB's tokenizer: SentencePiece (DJL) for the pieces, plus the fairseq id layout around them.
 *
 * <p>Model ids: {@code <s>}=0, {@code <pad>}=1, {@code </s>}=2, {@code <unk>}=3; SentencePiece id {@code s > 0}
 * becomes {@code s + 1} (the "fairseq offset") and SentencePiece's own {@code <unk>} (0) becomes 3; the
 * language codes and {@code <mask>} follow the pieces (see {@link LanguageTokens}). Sources are encoded in the
 * non-legacy order {@code [src_lang] + pieces + [</s>]}. Encoding is thread-safe (SentencePiece's encode is const).
 */
public final class NllbTokenizer implements AutoCloseable {

    public static final int BOS = 0, PAD = 1, EOS = 2, UNK = 3;
    private static final int FAIRSEQ_OFFSET = 1;

    private final SpTokenizer sentencePiece;
    private final SpProcessor processor;
    private final SentencePieceVocabulary vocabulary;
    private final LanguageTokens languages;
    private final Detokenizer detokenizer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NllbTokenizer(SpTokenizer sentencePiece, SentencePieceVocabulary vocabulary, LanguageTokens languages) {
        this.sentencePiece = sentencePiece;
        this.processor = sentencePiece.getProcessor();
        this.vocabulary = vocabulary;
        this.languages = languages;
        this.detokenizer = new Detokenizer(vocabulary);
    }

    /**
     * @param tokenizerJson when present, its added tokens give the language ids
     * @throws NllbModelException naming the file that cannot be read
     */
    public static NllbTokenizer load(Path sentencePieceModel, Optional<Path> tokenizerJson) {
        SentencePieceVocabulary vocabulary = SentencePieceVocabulary.read(sentencePieceModel);
        LanguageTokens languages = tokenizerJson
                .map(json -> LanguageTokens.read(json, vocabulary.size()))
                .orElseGet(() -> LanguageTokens.derive(vocabulary.size()));
        try {
            return new NllbTokenizer(new SpTokenizer(sentencePieceModel), vocabulary, languages);
        } catch (IOException | RuntimeException e) {
            throw new NllbModelException("Cannot load SentencePiece model " + sentencePieceModel + ": " + e.getMessage(), e);
        }
    }

    /** {@code [languageId(sourceLanguage)] + pieces + [</s>]}, the encoder input for one text. */
    public long[] encodeSource(String text, String sourceLanguage) {
        return sourceIds(processor.encode(text), sourceLanguage);
    }

    /**
     * {@link #encodeSource} with the characters of {@code text} each id spells ({@link PieceOffsets}); empty
     * when the pieces cannot be traced back to the text (a normalization it does not model).
     */
    public Optional<SpannedTokens> encodeSourceWithSpans(String text, String sourceLanguage) {
        int[] spm = processor.encode(text);
        long[] ids = sourceIds(spm, sourceLanguage);
        List<String> spellings = Arrays.stream(spm).mapToObj(vocabulary::spelling).toList();
        return PieceOffsets.locate(text, vocabulary.normalizesNfkc(), spellings).map(spans -> {
            int[] starts = new int[ids.length];
            int[] ends = new int[ids.length];
            starts[0] = ends[0] = starts[ids.length - 1] = ends[ids.length - 1] = -1;
            System.arraycopy(spans.starts(), 0, starts, 1, spm.length);
            System.arraycopy(spans.ends(), 0, ends, 1, spm.length);
            return new SpannedTokens(ids, starts, ends);
        });
    }

    private long[] sourceIds(int[] spm, String sourceLanguage) {
        long[] ids = new long[spm.length + 2];
        ids[0] = languages.id(sourceLanguage);
        for (int i = 0; i < spm.length; i++) {
            ids[i + 1] = modelId(spm[i]);
        }
        ids[ids.length - 1] = EOS;
        return ids;
    }

    /** Model ids of the pieces of {@code text}, without any special token. */
    public long[] encodePieces(String text) {
        int[] spm = processor.encode(text);
        long[] ids = new long[spm.length];
        for (int i = 0; i < spm.length; i++) {
            ids[i] = modelId(spm[i]);
        }
        return ids;
    }

    private static long modelId(int spmId) {
        return spmId == 0 ? UNK : spmId + FAIRSEQ_OFFSET;
    }

    /**
     * Text of generated ids. Special tokens, language tokens, {@code <mask>} and ids past the vocabulary (the
     * checkpoint's unused logits rows) are dropped.
     */
    public String decode(long[] ids) {
        int[] pieceIds = Arrays.stream(ids)
                .filter(id -> id > UNK && id - FAIRSEQ_OFFSET < vocabulary.size() && !isLanguageOrMask(id))
                .mapToInt(id -> (int) id - FAIRSEQ_OFFSET)
                .toArray();
        return detokenizer.detokenize(pieceIds);
    }

    private boolean isLanguageOrMask(long id) {
        return languages.isLanguage((int) id) || id == languages.maskId();
    }

    public int languageId(String code) {
        return languages.id(code);
    }

    public LanguageTokens languages() {
        return languages;
    }

    /** Ids the tokenizer can produce: pieces, specials, languages and {@code <mask>}. */
    public int size() {
        return Math.max(vocabulary.size() + FAIRSEQ_OFFSET, languages.maskId() + 1);
    }

    @Override
    public void close() {
        if (!closed.getAndSet(true)) {
            sentencePiece.close();
        }
    }
}
