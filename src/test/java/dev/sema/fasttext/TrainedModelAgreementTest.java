package dev.sema.fasttext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sema.detection.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Models the test trains itself with {@code fasttext supervised} (and quantises with {@code fasttext quantize}),
 * FLORES-style labels, every loss and file form, predicted on held-out FLORES sentences against the binary.
 */
class TrainedModelAgreementTest {

    private static Path work;
    private static Path train20;
    private static Path train260;
    private static List<String> heldOut;

    @BeforeAll
    static void data() throws Exception {
        FastTextCli.requireBinary();
        Map<String, List<String>> flores = SharedData.floresDev();
        work = Files.createDirectories(Path.of(System.getProperty("sema.test.models", "target/test-models"),
                "fasttext"));
        List<String> codes = new ArrayList<>(flores.keySet());
        List<String> small = new ArrayList<>();
        heldOut = new ArrayList<>();
        for (String code : codes.subList(0, 204).stream().filter(c -> codes.indexOf(c) % 10 == 0).toList()) {
            List<String> s = flores.get(code);
            s.subList(0, 500).forEach(line -> small.add("__label__" + code + " " + line));
            heldOut.addAll(s.subList(500, 560));
        }
        train20 = Files.write(work.resolve("train20.txt"), small, StandardCharsets.UTF_8);
        // Quantising the output matrix needs at least 256 rows (one per k-means centroid), so 260 labels.
        List<String> wide = new ArrayList<>();
        for (String code : codes.subList(0, 130)) {
            List<String> s = flores.get(code);
            s.subList(0, 40).forEach(line -> wide.add("__label__" + code + " " + line));
            s.subList(40, 80).forEach(line -> wide.add("__label__" + code + "_b " + line));
        }
        train260 = Files.write(work.resolve("train260.txt"), wide, StandardCharsets.UTF_8);
    }

    private static Path train(String name, Path data, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("supervised", "-input", data.toString(), "-output",
                work.resolve(name).toString(), "-dim", "16", "-epoch", "5", "-lr", "0.5", "-bucket", "50000",
                "-thread", "1", "-verbose", "0"));
        args.addAll(List.of(options));
        FastTextCli.run(work, args.toArray(String[]::new));
        return work.resolve(name + ".bin");
    }

    private static Path quantize(String name, Path data, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("quantize", "-input", data.toString(), "-output",
                work.resolve(name).toString(), "-thread", "1", "-verbose", "0"));
        args.addAll(List.of(options));
        FastTextCli.run(work, args.toArray(String[]::new));
        return work.resolve(name + ".ftz");
    }

    private static FastTextModel agree(Path file) throws Exception {
        return agree(file, FastTextModel.load(file));
    }

    private static FastTextModel agree(Path file, FastTextModel model) throws Exception {
        Agreement.assertAgrees(model, file, heldOut, 5, work);
        return model;
    }

    @Test
    void softmaxWithWordBigramsAndCharNgrams() throws Exception {
        Path bin = train("softmax", train20, "-loss", "softmax", "-wordNgrams", "2", "-minn", "2", "-maxn", "4");
        FastTextModel model = agree(bin);
        assertEquals(FastTextArgs.Loss.SOFTMAX, model.args().loss());
        assertEquals(2, model.args().wordNgrams());
        assertTrue(!model.quantized());

        Path ftz = quantize("softmax", train20, "-qnorm", "-cutoff", "10000", "-retrain", "-epoch", "1");
        FastTextModel q = agree(ftz);
        assertTrue(q.quantized() && !q.quantizedOutput());
    }

    @Test
    void hierarchicalSoftmax() throws Exception {
        // 300,000 buckets x 16 floats = 19 MB: above the 16 MiB mapping threshold, so the input matrix is
        // memory-mapped; loaded again in 1 MiB buffers to exercise the several-buffer path of files over 2 GB.
        Path bin = train("hs", train20, "-bucket", "300000", "-loss", "hs", "-wordNgrams", "2", "-minn", "2",
                "-maxn", "4");
        assertTrue(Files.size(bin) > 16 << 20);
        assertEquals(FastTextArgs.Loss.HS, agree(bin).args().loss());
        agree(bin, FastTextModel.load(bin, 1 << 20));
        agree(quantize("hs", train20, "-qnorm", "-cutoff", "10000", "-retrain", "-epoch", "1"));
    }

    @Test
    void oneVsAllAndNegativeSamplingUseTheSigmoidTable() throws Exception {
        assertEquals(FastTextArgs.Loss.OVA, agree(train("ova", train20, "-loss", "ova", "-wordNgrams", "2",
                "-minn", "2", "-maxn", "4")).args().loss());
        // Words only (maxn 0) and word trigrams: the other branch of the input mapping.
        assertEquals(FastTextArgs.Loss.NS, agree(train("ns", train20, "-loss", "ns", "-wordNgrams", "3",
                "-maxn", "0")).args().loss());
    }

    @Test
    void quantisedOutputWithUnprunedAndPrunedInput() throws Exception {
        Path bin = train("wide", train260, "-bucket", "10000", "-minCount", "5", "-loss", "softmax",
                "-wordNgrams", "2", "-minn", "2", "-maxn", "4");
        assertEquals(260, agree(bin).labels().size());
        FastTextModel q = agree(quantize("wide", train260, "-qnorm", "-qout"));
        assertTrue(q.quantized() && q.quantizedOutput());
        FastTextModel pruned = agree(quantize("wide", train260, "-qout", "-cutoff", "5000", "-retrain",
                "-epoch", "1"));
        assertTrue(pruned.quantizedOutput());
    }
}
