package dev.sema.detection;

import dev.sema.fasttext.FastTextModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.sema.models.ModelSlot;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * FLORES-200 dev accuracy of a fastText model through {@link FastTextLanguageDetector} (top-1 NLLB code equals
 * the file's code), with and without lower-casing. Prints a Markdown table. Not a test: run by
 * {@code scripts/bench-lid}.
 */
public final class LidAccuracy {

    private LidAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args.length > 0 ? args[0] : SharedData.sharedDir() + "/models/lid.176.ftz");
        Map<String, List<String>> flores = SharedData.floresDev();
        FastTextLanguageDetector plain = detector(modelFile, false);
        FastTextLanguageDetector lower = detector(modelFile, true);
        Set<String> covered = covered(FastTextModel.load(modelFile).labels());

        System.out.println("| language | covered | accuracy (as is) | accuracy (lower-cased) |");
        System.out.println("|---|---|---|---|");
        double[] sums = new double[4];
        double[] thresholds = {0.3, 0.5, 0.7, 0.9};
        long[][] calibration = new long[thresholds.length][4]; // above: right, total; below: right, total
        for (var e : flores.entrySet()) {
            boolean c = covered.contains(e.getKey());
            double a = accuracy(plain, e.getKey(), e.getValue());
            double b = accuracy(lower, e.getKey(), e.getValue());
            if (c) {
                calibrate(lower, e.getKey(), e.getValue(), thresholds, calibration);
            }
            System.out.printf("| %s | %s | %.2f %% | %.2f %% |%n", e.getKey(), c ? "yes" : "no", 100 * a, 100 * b);
            sums[0] += a;
            sums[1] += b;
            if (c) {
                sums[2] += a;
                sums[3] += b;
            }
        }
        System.out.printf("%nmacro average over all %d FLORES languages: %.2f %% as is, %.2f %% lower-cased%n",
                flores.size(), 100 * sums[0] / flores.size(), 100 * sums[1] / flores.size());
        long n = flores.keySet().stream().filter(covered::contains).count();
        System.out.printf("macro average over the %d languages the model covers: %.2f %% as is, %.2f %% lower-cased%n",
                n, 100 * sums[2] / n, 100 * sums[3] / n);
        System.out.println("\nreliability threshold (lower-cased, covered languages): share of sentences at or above,"
                + " accuracy at or above, accuracy below");
        for (int t = 0; t < thresholds.length; t++) {
            long[] k = calibration[t];
            System.out.printf("| %.1f | %.1f %% | %.2f %% | %.2f %% |%n", thresholds[t],
                    100.0 * k[1] / (k[1] + k[3]), 100.0 * k[0] / k[1], 100.0 * k[2] / k[3]);
        }
    }

    private static void calibrate(FastTextLanguageDetector d, String code, List<String> sentences,
                                  double[] thresholds, long[][] counts) {
        for (String s : sentences) {
            Detection.Candidate best = d.detect(s, 1).best();
            boolean right = best != null && best.language().equals(code);
            double p = best == null ? 0 : best.confidence();
            for (int t = 0; t < thresholds.length; t++) {
                int at = p >= thresholds[t] ? 0 : 2;
                counts[t][at] += right ? 1 : 0;
                counts[t][at + 1]++;
            }
        }
    }

    static FastTextLanguageDetector detector(Path modelFile, boolean lowercase) throws IOException {
        ModelSlot<FastTextModel> slot = new ModelSlot<>("language_identification");
        slot.install(FastTextModel.load(modelFile), Map.of(), Duration.ZERO);
        return new FastTextLanguageDetector(slot, new DetectionConfig(0.5, lowercase));
    }

    private static double accuracy(FastTextLanguageDetector d, String code, List<String> sentences) {
        int right = 0;
        for (String s : sentences) {
            Detection.Candidate best = d.detect(s, 1).best();
            if (best != null && best.language().equals(code)) {
                right++;
            }
        }
        return (double) right / sentences.size();
    }

    /** FLORES codes some label can produce, whatever the script of the text. */
    static Set<String> covered(List<String> labels) {
        LabelMapping mapping = new LabelMapping();
        Set<String> out = new TreeSet<>();
        for (String sample : List.of("latin", "кириллица", "عربي", "這個國家", "这个国家")) {
            TextScripts scripts = TextScripts.of(sample);
            labels.forEach(l -> mapping.toFlores(l, scripts).ifPresent(out::add));
        }
        return out;
    }
}
