package dev.sema.translation;

/**
 * A source segment as the translation model's encoder saw it while translating it: what a word aligner built on
 * that encoder would otherwise compute again. Arrays are shared, not copied: nobody writes them after the engine.
 *
 * @param ids    the token ids encoded, the source language token first and {@code </s>} last
 * @param states the encoder's last hidden state of each of {@code ids}, one vector per id, all of one width
 */
public record SourceEncoding(long[] ids, float[][] states) {

    public SourceEncoding {
        if (ids.length != states.length) {
            throw new IllegalArgumentException(ids.length + " ids and " + states.length + " vectors");
        }
    }
}
