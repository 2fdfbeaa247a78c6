package dev.sema.generation;

/**
 * How many tokens a translation may take, from the length of its source, in the spirit of fairseq's
 * {@code max_len_a * src_len + max_len_b}: {@code min(cap, ceil(perSourceToken * sourceTokens) + extra)}.
 * A fixed limit (HF's {@code max_length} 200) either truncates long sentences or lets a short one that
 * started looping run for 200 steps; scaling with the source avoids both.
 *
 * @param perSourceToken output tokens allowed per source token (≥ 0)
 * @param extra          tokens allowed on top, so very short sources still have room (≥ 0)
 * @param cap            absolute limit in generated tokens (≥ 1), counting the forced language token
 */
public record OutputLengthRule(double perSourceToken, int extra, int cap) {

    /** {@code min(200, 2 × sourceTokens + 10)}: NLLB's {@code max_length} 200 as the cap. */
    public static final OutputLengthRule DEFAULT = new OutputLengthRule(2.0, 10, 200);

    public OutputLengthRule {
        if (!(perSourceToken >= 0) || extra < 0 || cap < 1) {
            throw new IllegalArgumentException("invalid output length rule: perSourceToken=" + perSourceToken
                    + ", extra=" + extra + ", cap=" + cap);
        }
    }

    /** The generated-token limit for a source of {@code sourceTokens} tokens; between 1 and {@link #cap}. */
    public int maxNewTokens(int sourceTokens) {
        if (sourceTokens < 0) {
            throw new IllegalArgumentException("negative source length " + sourceTokens);
        }
        double scaled = Math.ceil(perSourceToken * sourceTokens) + extra;
        return (int) Math.max(1, Math.min(cap, scaled));
    }
}
