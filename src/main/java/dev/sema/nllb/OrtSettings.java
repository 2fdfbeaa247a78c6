package dev.sema.nllb;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

import java.util.Locale;

/**
 * ONNX Runtime session settings shared by the encoder and decoder sessions of one model.
 *
 * @param intraOpThreads threads one operator may use; 0 lets ORT choose (one per physical core)
 * @param optLevel       graph optimisation level; {@code all} is ORT's default and the fastest on CPU
 * @param cpuArena       ORT's CPU arena allocator (ORT's default): faster allocation, but the arena never
 *                       shrinks to below its peak; off hands every tensor back to the C allocator
 */
public record OrtSettings(int intraOpThreads, OptLevel optLevel, boolean cpuArena) {

    public static final OrtSettings DEFAULT = new OrtSettings(0, OptLevel.ALL_OPT, true);

    public OrtSettings {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0, got " + intraOpThreads);
        }
    }

    /** Parses a configured level: {@code none}, {@code basic}, {@code extended} or {@code all}. */
    public static OptLevel parseOptLevel(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> OptLevel.NO_OPT;
            case "basic" -> OptLevel.BASIC_OPT;
            case "extended" -> OptLevel.EXTENDED_OPT;
            case "all" -> OptLevel.ALL_OPT;
            default -> throw new IllegalArgumentException(
                    "Unknown graph optimisation level '" + value + "': expected none, basic, extended or all");
        };
    }

    /** Fresh options; the caller closes them once its sessions are created. */
    SessionOptions toSessionOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        options.setOptimizationLevel(optLevel);
        options.setCPUArenaAllocator(cpuArena);
        if (intraOpThreads > 0) {
            options.setIntraOpNumThreads(intraOpThreads);
        }
        return options;
    }
}
