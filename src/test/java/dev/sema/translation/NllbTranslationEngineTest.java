package dev.sema.translation;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.batching.BatchDecoder;
import dev.sema.batching.Cancellation;
import dev.sema.batching.DecodeOptions;
import dev.sema.batching.DecodeScheduler;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.generation.Hypothesis;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.NllbTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine on generated models: the echo model must give every text back, the tiny one must batch soundly. */
class NllbTranslationEngineTest {

    @RegisterExtension
    static final GeneratedModelSlots MODELS = new GeneratedModelSlots();
    private static final ModelSlot<NllbModel> echo = MODELS.echo;
    private static final ModelSlot<NllbModel> tiny = MODELS.tiny;

    private static NllbTranslationEngine engine(ModelSlot<NllbModel> slot, int maxOutputTokens, int batchMaxSegments) {
        return TestEngines.uncached(slot, EngineConfigs.of(1, maxOutputTokens, 400, batchMaxSegments));
    }

    @Test
    void echoGivesEveryTextBackByteForByte() {
        String longText = MixedScriptText.nearLimit(5000);
        List<String> texts = List.of(MixedScriptText.PARAGRAPHS.strip(), longText, "x", "😀", "42", "生活", "Hello\n\n\nworld");
        for (int beams : new int[]{1, 2}) {
            List<TranslationOutput> out = engine(echo, 512, 5)
                    .translate(texts, "eng_Latn", "fra_Latn", new TranslationOptions(beams, 0));
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(texts.get(i), out.get(i).text(), "text " + i + " at beam " + beams);
                assertEquals(List.of(), out.get(i).alternatives());
            }
        }
    }

    @Test
    void echoSegmentsLongTextIntoPiecesTheModelCanTake() {
        // A 1,500-letter Thai run becomes thousands of byte pieces; only segmentation keeps each under the budget.
        String thai = MixedScriptText.THAI_RUN;
        NllbTranslationEngine engine = TestEngines.uncached(echo, EngineConfigs.of(1, 512, 64, 16));
        assertEquals(thai, engine.translate(List.of(thai), "tha_Thai", "eng_Latn", TranslationOptions.DEFAULT)
                .get(0).text());
    }

    @Test
    void aLowOutputCapTruncatesSoTheEchoTestsAboveAreMeaningful() {
        String sentence = "The quick brown fox jumps over the lazy dog again and again and again.";
        String cut = engine(echo, 6, 16).translate(List.of(sentence), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT).get(0).text();
        assertTrue(sentence.startsWith(cut) && cut.length() < sentence.length(), cut);
    }

    @Test
    void aStreamDeliversEverySegmentInOrderTheFirstDecodedAlone() {
        String paragraph = String.join(" ", IntStream.range(0, 10).mapToObj(i -> "Sentence " + i + " comes here.")
                .toList()) + "\n\n42";
        List<Integer> batches = new ArrayList<>();
        EngineConfig config = EngineConfigs.of(1, 512, 400, 16);
        DecodeScheduler scheduler = new DecodeScheduler(config.batchLimits(),
                (model, sources, targets, constraints, options, encoded, stop) -> {
                    batches.add(sources.size());
                    return BatchDecoder.NLLB.decode(model, sources, targets, constraints, options, encoded, stop);
                });
        NllbTranslationEngine engine = TestEngines.uncached(echo, config, scheduler);
        RecordingListener listener = new RecordingListener();
        engine.stream(engine.segment(paragraph, "eng_Latn", "fra_Latn"), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT, new Cancellation(), listener);
        List<StreamedSegment> segments = listener.segments;
        assertEquals(List.of(1, 9), batches, "the first sentence alone, then the others in one batch");
        assertEquals(IntStream.range(0, 11).boxed().toList(), segments.stream().map(StreamedSegment::index).toList());
        StringBuilder joined = new StringBuilder();
        segments.forEach(s -> joined.append(s.text()).append(s.separator()));
        assertEquals(paragraph, joined.toString(), "the echo model's segments rejoin to the text");
        assertEquals(engine.translate(List.of(paragraph), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT).get(0)
                .text(), joined.toString());
    }

    @Test
    void batchedEqualsOneByOneOnTheTinyModel() {
        List<String> texts = List.of("Hello world, how are you?", "Bonjour", "生活的真谛是 simple",
                "A somewhat longer sentence with several words in it.", "x y z", "Wie geht es dir heute?",
                "Dit is een zin.", "Короткий текст.");
        for (int beams : new int[]{1, 2}) {
            TranslationOptions options = new TranslationOptions(beams, 0);
            NllbTranslationEngine engine = engine(tiny, 9, 3);
            List<TranslationOutput> batched = engine.translate(texts, "eng_Latn", "deu_Latn", options);
            for (int i = 0; i < texts.size(); i++) {
                TranslationOutput alone = engine.translate(List.of(texts.get(i)), "eng_Latn", "deu_Latn", options)
                        .get(0);
                SameTranslations.assertSame(alone, batched.get(i), "text " + i + " at beam " + beams);
            }
        }
    }

    @Test
    void beamOneIsGreedyDecoding() {
        NllbModel model;
        try (ModelSlot.Lease<NllbModel> lease = tiny.acquire()) {
            model = lease.model();
            List<String> segments = List.of("Hello world, how are you?", "Bonjour", "生活的真谛是 simple");
            EngineConfig config = EngineConfigs.of(1, 12, 400, 16);
            List<List<Hypothesis>> beam1 = TestEngines.alone(model, config)
                    .hypotheses(segments, new DecodeOptions("eng_Latn", "fra_Latn", 1, 1, config.outputLength()));
            Set<Integer> suppressed = model.suppressedTokens();
            for (int i = 0; i < segments.size(); i++) {
                long[] source = model.tokenizer().encodeSource(segments.get(i), "eng_Latn");
                int limit = config.outputLength().maxNewTokens(source.length);
                int[] expected = greedy(model, source, model.tokenizer().languageId("fra_Latn"), suppressed, limit);
                assertEquals(Arrays.toString(expected), Arrays.toString(beam1.get(i).get(0).tokens()), "segment " + i);
            }
        }
    }

    /** An independent greedy loop: argmax over the unsuppressed ids, the target forced first, EOS stops. */
    private static int[] greedy(NllbModel model, long[] source, int target, Set<Integer> suppressed, int limit) {
        List<Integer> out = new ArrayList<>();
        try (var session = model.startDecoding(model.encode(List.of(source)), 1)) {
            long token = model.generationDefaults().decoderStartTokenId();
            while (out.size() < limit) {
                float[] logits = session.step(new long[]{token})[0];
                int best = out.isEmpty() ? target : IntStream.range(0, logits.length)
                        .filter(id -> !suppressed.contains(id) && id != NllbTokenizer.PAD)
                        .reduce((a, b) -> logits[b] > logits[a] ? b : a).orElseThrow();
                if (best == model.generationDefaults().eosTokenId()) {
                    break;
                }
                out.add(best);
                token = best;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void languageTagsAndSpecialsNeverAppearAfterTheForcedTarget() {
        List<String> segments = List.of("Hello world, how are you?", "Bonjour", "生活的真谛是 simple", "x",
                "A somewhat longer sentence with several words in it.");
        try (ModelSlot.Lease<NllbModel> lease = tiny.acquire()) {
            NllbModel model = lease.model();
            NllbTokenizer tokenizer = model.tokenizer();
            int target = tokenizer.languageId("zul_Latn");
            Set<Integer> suppressed = model.suppressedTokens();
            assertTrue(suppressed.contains(tokenizer.languageId("eng_Latn")));
            assertTrue(suppressed.contains(NllbTokenizer.UNK) && suppressed.contains(NllbTokenizer.BOS));
            assertFalse(suppressed.contains(model.generationDefaults().eosTokenId()));
            int generated = 0;
            EngineConfig config = EngineConfigs.of(1, 40, 400, 2);
            for (int beams : new int[]{1, 3}) {
                List<List<Hypothesis>> all = TestEngines.alone(model, config)
                        .hypotheses(segments, new DecodeOptions("eng_Latn", "zul_Latn", beams, beams,
                                config.outputLength()));
                for (List<Hypothesis> nBest : all) {
                    assertEquals(beams, nBest.size());
                    for (Hypothesis h : nBest) {
                        int[] tokens = h.tokens();
                        assertEquals(target, tokens[0]);
                        for (int t = 1; t < tokens.length; t++) {
                            assertFalse(suppressed.contains(tokens[t]), "token " + tokens[t] + " at " + t);
                            assertTrue(tokens[t] != NllbTokenizer.PAD && tokens[t] < tokenizer.size());
                        }
                        generated += tokens.length;
                    }
                }
            }
            assertTrue(generated > 100, "the random model generates long enough outputs to be a test: " + generated);
        }
    }

    @Test
    void alternativesComeFromTheBeamAndDiffer() {
        NllbTranslationEngine engine = engine(tiny, 12, 16);
        TranslationOutput out = engine.translate(List.of("Hello world, how are you?"), "eng_Latn", "fra_Latn",
                new TranslationOptions(4, 3)).get(0);
        assertFalse(out.alternatives().isEmpty());
        assertTrue(out.alternatives().size() <= 3);
        assertFalse(out.alternatives().contains(out.text()));
        assertEquals(out.alternatives().size(), Set.copyOf(out.alternatives()).size());
        // Alternatives widen the beam when needed: 2 alternatives need 3 beams even at beam_size 1.
        TranslationOutput widened = engine.translate(List.of("Hello world, how are you?"), "eng_Latn", "fra_Latn",
                new TranslationOptions(1, 2)).get(0);
        assertFalse(widened.alternatives().isEmpty());
    }

    @Test
    void everySegmentGetsItsBestHypothesisMeanLogProbAndOneCopiedUnchangedZero() {
        String text = "Hello world, how are you? 42\n\nWie geht es dir heute?";
        NllbTranslationEngine engine = engine(tiny, 12, 16);
        TranslationOutput out = engine.translate(List.of(text), "eng_Latn", "deu_Latn", TranslationOptions.DEFAULT)
                .get(0);
        try (ModelSlot.Lease<NllbModel> lease = tiny.acquire()) {
            EngineConfig config = EngineConfigs.of(1, 12, 400, 16);
            List<List<Hypothesis>> alone = TestEngines.alone(lease.model(), config).hypotheses(
                    List.of("Hello world, how are you?", "Wie geht es dir heute?"),
                    new DecodeOptions("eng_Latn", "deu_Latn", 1, 1, config.outputLength()));
            assertEquals(3, out.scores().size(), "two sentences and the number between them: " + out.scores());
            assertEquals(alone.get(0).get(0).meanLogProb(), out.scores().get(0), 1e-5);
            assertEquals(0.0, out.scores().get(1), "copied, not generated");
            assertEquals(alone.get(1).get(0).meanLogProb(), out.scores().get(2), 1e-5);
            assertTrue(out.scores().get(0) < 0 && out.scores().get(2) < 0, "random weights are unsure");
        }
    }

    @Test
    void textsWithoutLettersPassThroughAndNoModelMeans503() {
        assertEquals("12:30 😀 !!", engine(tiny, 12, 16).translate(List.of("12:30 😀 !!"), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT).get(0).text());
        ModelSlot<NllbModel> empty = new ModelSlot<>("translation");
        ApiException e = FailureMapper.toApi(assertThrows(ModelUnavailableException.class,
                () -> engine(empty, 12, 16).translate(List.of("Hello"), "eng_Latn", "fra_Latn",
                        TranslationOptions.DEFAULT)));
        assertEquals(503, e.status());
        assertEquals("model_not_loaded", e.code());
    }
}
