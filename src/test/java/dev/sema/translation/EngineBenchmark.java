package dev.sema.translation;

import dev.sema.batching.DecodeOptions;
import dev.sema.batching.SegmentBatches;
import dev.sema.generation.Hypothesis;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.EncodedBatch;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbDecoderSession;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.NllbTokenizer;
import dev.sema.nllb.OrtSettings;
import dev.sema.testmodels.GemvBandwidth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The in-process half of {@code scripts/bench}: the engine without HTTP, on the model and sentences the server
 * is driven with, so the script can put the two side by side.
 * {@code EngineBenchmark MODEL_DIR FLORES_FILE SENTENCES MAX_OUTPUT_TOKENS OUT_DIR [ORT_THREADS] [--ids-only]
 * [--quantized]} prints
 * <ul>
 *   <li>the engine at concurrency 1 (the same {@code translate} call the HTTP resource makes, cache off);</li>
 *   <li>the decoder step time at batch 1 against the memory-bandwidth limit: the decoder's weight bytes
 *       (all of them are read once per step; the tied embedding is read whole as the output projection)
 *       per step, against the rate at which ONNX Runtime streams weights here, now ({@link GemvBandwidth});</li>
 * </ul>
 * and writes {@code OUT_DIR/ids.jsonl} and {@code OUT_DIR/ids-meta.json}: per sentence the encoder input ids,
 * the forced target token, the length limit and the greedy output ids, plus the suppressed ids, so that
 * {@code scripts/tjs/bench.mjs} can run the same ids through transformers.js and compare outputs. With
 * {@code --ids-only} it only writes the ids: for the echo model, whose outputs copy the source through the
 * cross-attention and KV cache, so comparing them checks far more of the decoding loop than the repetitive
 * outputs of random weights do.
 */
public final class EngineBenchmark {

    private static final String SOURCE = "eng_Latn";
    private static final String TARGET = "fra_Latn";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> sentences = readSentences(Path.of(args[1])).subList(0, Integer.parseInt(args[2]));
        int maxOutputTokens = Integer.parseInt(args[3]);
        Path out = Files.createDirectories(Path.of(args[4]));
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        List<String> flags = Arrays.asList(args).subList(Math.min(6, args.length), args.length);
        boolean idsOnly = flags.contains("--ids-only");
        ModelVariant variant = flags.contains("--quantized") ? ModelVariant.QUANTIZED : ModelVariant.FP32;
        EngineConfig config = EngineConfigs.of(1, maxOutputTokens, 400, 16);

        ModelSlot<NllbModel> slot = new ModelSlot<>("translation");
        slot.install(NllbModel.load(dir, variant, new OrtSettings(threads, OrtSettings.DEFAULT.optLevel(), true)),
                Map.of(), Duration.ZERO);
        try (ModelSlot.Lease<NllbModel> lease = slot.acquire()) {
            NllbModel model = lease.model();
            if (idsOnly) {
                writeIds(model, config, sentences, out);
                return;
            }
            timeEngine(TestEngines.uncached(slot, config), sentences,
                    variant == ModelVariant.FP32 ? "in-process" : "in-process-q8");
            double stepSeconds = decoderStep(model, sentences.get(0), 20);
            long weightBytes = decoderWeightBytes(model);
            double bandwidth = GemvBandwidth.measure(threads, 10);
            System.out.printf("%s decoder step at batch 1: %.1f ms; decoder weights %.2f GB per step = %.2f GB/s;"
                            + " ONNX Runtime streams weights at %.2f GB/s (1 GiB Gemm); step at %.0f %% of that limit%n",
                    variant.name().toLowerCase(java.util.Locale.ROOT), stepSeconds * 1e3, weightBytes / 1e9, weightBytes / stepSeconds / 1e9, bandwidth / 1e9,
                    100 * weightBytes / stepSeconds / bandwidth);
            writeIds(model, config, sentences, out);
        } finally {
            slot.clear("benchmark done");
        }
    }

    /** One sentence at a time through {@link NllbTranslationEngine#translate}, after one warm-up sentence. */
    private static void timeEngine(NllbTranslationEngine engine, List<String> sentences, String label) {
        engine.translate(List.of(sentences.get(0)), SOURCE, TARGET, TranslationOptions.DEFAULT);
        long[] nanos = new long[sentences.size()];
        long start = System.nanoTime();
        for (int i = 0; i < sentences.size(); i++) {
            long t0 = System.nanoTime();
            engine.translate(List.of(sentences.get(i)), SOURCE, TARGET, TranslationOptions.DEFAULT);
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("%-14s concurrency %3d  requests %4d  errors %3d  %7.2f sentences/s  p50 %7.0f ms  "
                        + "p95 %7.0f ms  p99 %7.0f ms%n", label, 1, nanos.length, 0, nanos.length / seconds,
                percentile(nanos, 0.50), percentile(nanos, 0.95), percentile(nanos, 0.99));
    }

    /** Mean seconds per decoder step for one source at batch 1, greedy, after two warm-up steps. */
    private static double decoderStep(NllbModel model, String sentence, int steps) {
        EncodedBatch batch = model.encode(List.of(model.tokenizer().encodeSource(sentence, SOURCE)));
        try (NllbDecoderSession session = model.startDecoding(batch, 1)) {
            long[] token = {NllbTokenizer.EOS};
            for (int i = 0; i < 2; i++) {
                session.step(token);
                token[0] = 100 + i;
            }
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                session.step(token);
                token[0] = 200 + i;
            }
            return (System.nanoTime() - start) / 1e9 / steps;
        }
    }

    /** The merged decoder's ONNX file plus its external data: what one step reads at least once. */
    private static long decoderWeightBytes(NllbModel model) throws IOException {
        Path decoder = model.files().decoderMerged();
        Path data = decoder.resolveSibling(decoder.getFileName() + "_data");
        return Files.size(decoder) + (Files.exists(data) ? Files.size(data) : 0);
    }

    /** Greedy ids through the scheduler the engine uses, one sentence per decode, for the transformers.js check. */
    private static void writeIds(NllbModel model, EngineConfig config, List<String> sentences, Path out)
            throws IOException {
        NllbTokenizer tokenizer = model.tokenizer();
        SegmentBatches batches = TestEngines.alone(model, config);
        int forced = tokenizer.languageId(TARGET);
        try (PrintWriter ids = new PrintWriter(Files.newBufferedWriter(out.resolve("ids.jsonl")))) {
            for (String sentence : sentences) {
                long[] input = tokenizer.encodeSource(sentence, SOURCE);
                Hypothesis best = batches.hypotheses(List.of(sentence),
                        new DecodeOptions(SOURCE, TARGET, 1, 1, config.outputLength())).get(0).get(0);
                int[] output = best.truncated() ? best.tokens() : append(best.tokens(), NllbTokenizer.EOS);
                ids.printf("{\"input_ids\":%s,\"forced_bos_token_id\":%d,\"max_new_tokens\":%d,\"output_ids\":%s}%n",
                        Arrays.toString(input).replace(" ", ""), forced, config.outputLength().maxNewTokens(input.length),
                        Arrays.toString(output).replace(" ", ""));
            }
        }
        var defaults = model.generationDefaults();
        Files.writeString(out.resolve("ids-meta.json"), String.format("{\"decoder_start_token_id\":%d,"
                        + "\"eos_token_id\":%d,\"pad_token_id\":%d,\"suppress_ranges\":%s}%n",
                defaults.decoderStartTokenId(), defaults.eosTokenId(), defaults.padTokenId(),
                ranges(model.suppressedTokens())));
        System.out.printf("greedy ids of %d sentences written to %s%n", sentences.size(), out.resolve("ids.jsonl"));
    }

    private static int[] append(int[] tokens, int last) {
        int[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = last;
        return out;
    }

    /** [[from, toExclusive], ...] covering the ids. */
    private static String ranges(Set<Integer> ids) {
        List<int[]> ranges = new ArrayList<>();
        for (int id : new TreeSet<>(ids)) {
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == id) {
                ranges.get(ranges.size() - 1)[1] = id + 1;
            } else {
                ranges.add(new int[] {id, id + 1});
            }
        }
        return ranges.stream().map(r -> "[" + r[0] + "," + r[1] + "]").collect(Collectors.joining(",", "[", "]"));
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static List<String> readSentences(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
