package dev.sema.nllb;

import java.util.ArrayList;
import java.util.List;

/**
 * Optimum's KV tensor names: inputs {@code past_key_values.{i}.{decoder|encoder}.{key|value}}, outputs
 * {@code present.{i}.…}. "decoder" is self-attention (grows by one position per step), "encoder" is
 * cross-attention (fixed by the source, computed at the first step).
 */
final class KvNames {

    static final String PAST = "past_key_values.";
    static final String PRESENT = "present.";
    static final String SELF = "decoder";
    static final String CROSS = "encoder";

    private KvNames() {
    }

    /** {@code prefix + i + "." + side + ".key|value"} for every layer. */
    static List<String> names(String prefix, String side, int layers) {
        List<String> names = new ArrayList<>(2 * layers);
        for (int i = 0; i < layers; i++) {
            names.add(prefix + i + "." + side + ".key");
            names.add(prefix + i + "." + side + ".value");
        }
        return names;
    }

    /** The input a present output feeds on the next step. */
    static String pastOf(String presentName) {
        return PAST + presentName.substring(PRESENT.length());
    }

    static boolean isSelf(String name) {
        return name.contains("." + SELF + ".");
    }
}
