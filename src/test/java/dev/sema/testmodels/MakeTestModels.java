package dev.sema.testmodels;

import dev.sema.nllb.ModelVariant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the generated NLLB-shaped test models in the Hugging Face / Optimum layout:
 * {@code MakeTestModels OUT_DIR [--nllb-600m] [--seed N]}. A model directory whose marker matches the
 * generator version and seed is left alone, so calling this repeatedly is cheap.
 */
public final class MakeTestModels {
    /** Bump whenever the generated files change, so stale directories are rebuilt. */
    static final int VERSION = 3;
    static final long DEFAULT_SEED = 20_260_611L;
    static final String MARKER = ".sema-testmodels";
    /**
     * nllb-echo-slow's dead work per row and decoder run: SLOW_LINKS MatMuls of [SLOW_HEIGHT, SLOW_SIZE] by
     * [SLOW_SIZE, SLOW_SIZE], about 0.5 GFLOP, some milliseconds per row and generated token on a small CPU.
     */
    static final int SLOW_SIZE = 256;
    static final int SLOW_HEIGHT = 64;
    static final int SLOW_LINKS = 64;

    /** The generated model directories; the random transformers also get the {@code _quantized} files. */
    enum Kind {
        ECHO("nllb-echo", false), ECHO_SLOW("nllb-echo-slow", false), TINY("nllb-tiny", true),
        TINY_UNMERGED("nllb-tiny-unmerged", true), NLLB_600M("nllb-600m", true);

        final String dir;
        final boolean quantized;

        Kind(String dir, boolean quantized) {
            this.dir = dir;
            this.quantized = quantized;
        }
    }

    private MakeTestModels() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: MakeTestModels OUT_DIR [--nllb-600m] [--seed N]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long seed = DEFAULT_SEED;
        List<Kind> kinds = new ArrayList<>(List.of(Kind.ECHO, Kind.ECHO_SLOW, Kind.TINY, Kind.TINY_UNMERGED));
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--nllb-600m" -> kinds.add(Kind.NLLB_600M);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        for (Kind kind : kinds) {
            long start = System.nanoTime();
            Path dir = ensure(out, kind, seed);
            System.out.printf("%s ready (%.1f s)%n", dir, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Returns {@code outDir/<kind>}, generating it first unless its marker says it is up to date. */
    static Path ensure(Path outDir, Kind kind, long seed) throws IOException {
        Path target = outDir.resolve(kind.dir);
        String stamp = "version=" + VERSION + " seed=" + seed + " kind=" + kind + "\n";
        if (upToDate(target, stamp)) {
            return target;
        }
        Files.createDirectories(outDir);
        // Generate beside the target, then rename atomically: concurrent test JVMs never see a half-written model.
        Path tmp = Files.createTempDirectory(outDir, "." + kind.dir + ".tmp-");
        try {
            generate(tmp, kind, seed);
            Files.writeString(tmp.resolve(MARKER), stamp);
            if (Files.exists(target) && !upToDate(target, stamp)) {
                Path stale = Files.createTempDirectory(outDir, "." + kind.dir + ".stale-");
                try {
                    Files.move(target, stale.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException e) {
                    // another caller moved the stale copy away first
                }
                deleteRecursively(stale);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another caller renamed its copy first (the error is "Directory not empty", not always typed).
                if (!upToDate(target, stamp)) {
                    throw e;
                }
            }
        } finally {
            deleteRecursively(tmp);
        }
        return target;
    }

    private static void generate(Path dir, Kind kind, long seed) throws IOException {
        int spm = ModelFiles.SPM_SIZE;
        Seq2SeqBodies bodies = switch (kind) {
            case ECHO -> new EchoNllb(NllbDims.echo(spm), seed);
            case ECHO_SLOW -> new SlowEchoNllb(new EchoNllb(NllbDims.echo(spm), seed), SLOW_SIZE, SLOW_HEIGHT,
                    SLOW_LINKS);
            case TINY, TINY_UNMERGED -> new TinyNllb(NllbDims.tiny(spm), seed);
            case NLLB_600M -> new TinyNllb(NllbDims.nllb600m(), seed);
        };
        ModelFiles.write(dir, bodies.dims());
        List<ModelVariant> variants = kind.quantized ? List.of(ModelVariant.FP32, ModelVariant.QUANTIZED)
                : List.of(ModelVariant.FP32);
        for (ModelVariant variant : variants) {
            // The 600M fp32 files pass protobuf's 2 GB; its quantized ones (~0.45 GB) are single files, as Xenova's.
            boolean external = kind == Kind.NLLB_600M && variant == ModelVariant.FP32;
            NllbExport export = new NllbExport(bodies, dir.resolve("onnx"), variant, external);
            export.encoder();
            if (kind == Kind.TINY_UNMERGED) {
                export.decoder();
                export.decoderWithPast();
            } else {
                export.decoderMerged();
            }
        }
    }

    private static boolean upToDate(Path dir, String stamp) {
        try {
            Path marker = dir.resolve(MARKER);
            return Files.isRegularFile(marker) && Files.readString(marker).equals(stamp);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
