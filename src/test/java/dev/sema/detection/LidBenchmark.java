package dev.sema.detection;

import dev.sema.fasttext.FastTextModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Speed of the Java predictor next to the {@code fasttext} binary on the same input in the same run: all
 * FLORES-200 dev sentences (204 × 997), top-1. Prints load time, heap held by the model, microseconds per
 * sentence on one thread and sentences per second on two (two binary processes on halves of the input), each
 * the best of three runs. Not a test: run by {@code scripts/bench-lid}.
 */
public final class LidBenchmark {

    private static final int RUNS = 3;
    private static final Path BINARY = Path.of(System.getProperty("sema.fasttext.binary", "/usr/bin/fasttext"));

    private LidBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args.length > 0 ? args[0] : SharedData.sharedDir() + "/models/lid.176.ftz");
        List<String> lines = new ArrayList<>();
        SharedData.floresDev().values().forEach(lines::addAll);
        System.out.printf("model %s (%d bytes), %d sentences, %d CPUs, %s%n", modelFile, Files.size(modelFile),
                lines.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name")
                        + " " + System.getProperty("java.version"));

        long heapBefore = usedHeap();
        FastTextModel model = FastTextModel.load(modelFile);
        long heapAfter = usedHeap();
        long[] loads = new long[10];
        for (int i = 0; i < loads.length; i++) {
            loads[i] = FastTextModel.load(modelFile).loadTime().toNanos();
        }
        Arrays.sort(loads);
        System.out.printf("load: first %.1f ms, median of 10 reloads %.1f ms; heap held by the model %.1f MB%n",
                model.loadTime().toNanos() / 1e6, loads[5] / 1e6, (heapAfter - heapBefore) / 1e6);

        FastTextLanguageDetector detector = LidAccuracy.detector(modelFile, true);
        Consumer<String> predict = s -> model.predict(s, 1);
        Consumer<String> detect = s -> detector.detect(s, 1);
        List<String> warmUp = lines.subList(0, lines.size() / 4);
        time(warmUp, predict, 2);
        time(warmUp, detect, 2);
        double javaOne = Double.MAX_VALUE;
        double javaTwo = Double.MAX_VALUE;
        double detectOne = Double.MAX_VALUE;
        double detectTwo = Double.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) { // best of RUNS: the machine is shared, the minimum is the signal
            javaOne = Math.min(javaOne, time(lines, predict, 1));
            javaTwo = Math.min(javaTwo, time(lines, predict, 2));
            detectOne = Math.min(detectOne, time(lines, detect, 1));
            detectTwo = Math.min(detectTwo, time(lines, detect, 2));
        }

        Path input = Files.createTempFile("lid-bench", ".txt");
        Path half1 = Files.createTempFile("lid-bench", ".txt");
        Path half2 = Files.createTempFile("lid-bench", ".txt");
        Files.write(input, lines, StandardCharsets.UTF_8);
        Files.write(half1, lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);
        Files.write(half2, lines.subList(lines.size() / 2, lines.size()), StandardCharsets.UTF_8);
        binary(modelFile, input); // warm the page cache
        double binOne = Double.MAX_VALUE;
        double binTwo = Double.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            binOne = Math.min(binOne, binary(modelFile, input));
            long t0 = System.nanoTime();
            Process a = start(modelFile, half1);
            Process b = start(modelFile, half2);
            a.waitFor(10, TimeUnit.MINUTES);
            b.waitFor(10, TimeUnit.MINUTES);
            binTwo = Math.min(binTwo, (System.nanoTime() - t0) / 1e9);
        }
        for (Path p : List.of(input, half1, half2)) {
            Files.delete(p);
        }

        int n = lines.size();
        System.out.println();
        System.out.println("| | µs/sentence, 1 thread | sentences/s, 1 thread | sentences/s, 2 threads |");
        System.out.println("|---|---|---|---|");
        row("fasttext binary predict-prob k=1 (whole process)", binOne, binTwo, n);
        row("Java FastTextModel.predict k=1", javaOne, javaTwo, n);
        row("Java FastTextLanguageDetector.detect top_k=1", detectOne, detectTwo, n);
        System.out.printf("%nratio Java predict / binary, 1 thread: %.2f (time); 2 threads: %.2f (throughput)%n",
                javaOne / binOne, (n / javaTwo) / (n / binTwo));
    }

    private static void row(String name, double one, double two, int n) {
        System.out.printf("| %s | %.1f | %.0f | %.0f |%n", name, one * 1e6 / n, n / one, n / two);
    }

    /** Seconds to run {@code work} over all lines split across {@code threads} threads. */
    private static double time(List<String> lines, Consumer<String> work, int threads) throws InterruptedException {
        Thread[] ts = new Thread[threads];
        int chunk = (lines.size() + threads - 1) / threads;
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            List<String> part = lines.subList(t * chunk, Math.min(lines.size(), (t + 1) * chunk));
            ts[t] = new Thread(() -> part.forEach(work));
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double binary(Path model, Path input) throws Exception {
        long t0 = System.nanoTime();
        Process p = start(model, input);
        p.waitFor(10, TimeUnit.MINUTES);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Process start(Path model, Path input) throws Exception {
        return new ProcessBuilder(BINARY.toString(), "predict-prob", model.toString(), input.toString(), "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
