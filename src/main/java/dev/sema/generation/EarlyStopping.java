package dev.sema.generation;

/**
 * When beam search may stop working on a source row, with the three meanings of HF {@code early_stopping}.
 * Whatever the mode, a row also stops at its {@link GenerationConfig#maxNewTokens(int) length limit}.
 */
public enum EarlyStopping {

    /** HF {@code True}: stop as soon as {@code numBeams} hypotheses are finished. Fastest. */
    EAGER,

    /**
     * HF {@code False} (its default): stop once the best running beam, scored at its current length, cannot
     * beat the worst kept hypothesis. Cheap, but with {@code lengthPenalty > 0} a longer continuation could
     * still have won, so this is a heuristic.
     */
    HEURISTIC,

    /**
     * HF {@code "never"}: stop only when no running beam can beat the worst kept hypothesis even at the
     * length limit. Exact: the result equals an exhaustive search whenever the beam is wide enough.
     */
    NEVER
}
