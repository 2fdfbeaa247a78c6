package dev.sema.translation;

import dev.sema.alignment.AlignmentBenchmark;
import dev.sema.glossary.GlossaryEntry;
import dev.sema.glossary.TermMatcher;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a glossary costs, for {@code scripts/bench-glossary}: (1) matching a 10,000-entry dictionary against text,
 * per 1,000 characters; (2) per model directory, the same sentences translated at the same beam size without
 * and with a glossary whose terms each sentence contains, alternating in one run (cache off, one ONNX Runtime
 * thread), after one warm-up of each. {@code GlossaryBenchmark ROUNDS [--max-output-tokens N] MODEL_DIR...}.
 */
public final class GlossaryBenchmark {

    private static final List<String> SENTENCES = List.of(
            "Kenya Power will replace the meter in your house next week.",
            "Open the Settings page and choose Security to reset your password.",
            "The river crosses the old market before it reaches the station.",
            "Our support team answers every request within one working day.");
    private static final List<GlossaryEntry> TERMS = List.of(new GlossaryEntry("Kenya Power", "Kenya Power"),
            new GlossaryEntry("Settings", "Paramètres"), new GlossaryEntry("river", "rivière"),
            new GlossaryEntry("market", "marché"), new GlossaryEntry("support team", "équipe d'assistance"),
            new GlossaryEntry("meter", "compteur"), new GlossaryEntry("password", "mot de passe"));
    private static final int BEAMS = 4;

    private GlossaryBenchmark() {
    }

    public static void main(String[] args) {
        matching(Integer.parseInt(args[0]));
        AlignmentBenchmark.forEachModel(args, GlossaryBenchmark::decoding);
    }

    /** 10,000 entries of one to three pseudo-words, matched against 10,000 characters of text that uses some. */
    private static void matching(int rounds) {
        SplittableRandom random = new SplittableRandom(10_000);
        List<GlossaryEntry> entries = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        while (entries.size() < 10_000) {
            String source = word(random) + (random.nextBoolean() ? " " + word(random) : "")
                    + (random.nextInt(4) == 0 ? " " + word(random) : "");
            if (!sources.contains(source)) {
                sources.add(source);
                entries.add(new GlossaryEntry(source, source.toUpperCase()));
            }
        }
        long buildStart = System.nanoTime();
        TermMatcher matcher = new TermMatcher(entries);
        double buildMs = (System.nanoTime() - buildStart) / 1e6;
        StringBuilder text = new StringBuilder();
        while (text.length() < 10_000) {
            text.append(random.nextInt(5) == 0 ? sources.get(random.nextInt(sources.size())) : word(random))
                    .append(random.nextInt(12) == 0 ? ". " : " ");
        }
        String sample = text.substring(0, 10_000);
        int matches = matcher.find(sample).size();
        for (int warm = 0; warm < 20; warm++) {
            matcher.find(sample);
        }
        long[] times = new long[rounds * 10];
        for (int r = 0; r < times.length; r++) {
            long start = System.nanoTime();
            matcher.find(sample);
            times[r] = System.nanoTime() - start;
        }
        double perThousand = AlignmentBenchmark.median(times) / 10;
        System.out.printf("matching: 10,000 entries (trie built in %.1f ms), 10,000 chars with %d matches,"
                + " %d runs: median %.3f ms per 1,000 characters%n", buildMs, matches, times.length, perThousand);
    }

    private static void decoding(Path dir, int rounds, int maxOutputTokens) {
        ModelSlot<NllbModel> slot = AlignmentBenchmark.load(dir);
        try {
            NllbTranslationEngine engine = TestEngines.uncached(slot, EngineConfigs.of(BEAMS, maxOutputTokens, 400, 16));
            TermMatcherBook book = new TermMatcherBook(new TermMatcher(TERMS));
            TranslationOptions plain = new TranslationOptions(BEAMS, 0);
            TranslationOptions constrained = new TranslationOptions(BEAMS, 0, book);
            List<TranslationOutput> free = engine.translate(SENTENCES, "eng_Latn", "fra_Latn", plain);
            List<TranslationOutput> forced = engine.translate(SENTENCES, "eng_Latn", "fra_Latn", constrained);
            long[] plainTimes = new long[rounds];
            long[] constrainedTimes = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                engine.translate(SENTENCES, "eng_Latn", "fra_Latn", plain);
                plainTimes[r] = System.nanoTime() - start;
                start = System.nanoTime();
                engine.translate(SENTENCES, "eng_Latn", "fra_Latn", constrained);
                constrainedTimes[r] = System.nanoTime() - start;
            }
            double plainMs = AlignmentBenchmark.median(plainTimes);
            double constrainedMs = AlignmentBenchmark.median(constrainedTimes);
            int terms = forced.stream().mapToInt(out -> out.terms().size()).sum();
            System.out.printf("%s: %d sentences, %d terms (all in the output: %d), beam %d, %d rounds, output cap %d;"
                            + " output chars free %d, constrained %d%n", dir.getFileName(), SENTENCES.size(),
                    SENTENCES.stream().mapToInt(s -> book.forPair("", "").find(s).size()).sum(), terms, BEAMS, rounds,
                    maxOutputTokens, free.stream().mapToInt(o -> o.text().length()).sum(),
                    forced.stream().mapToInt(o -> o.text().length()).sum());
            System.out.printf("  unconstrained  median %9.2f ms%n", plainMs);
            System.out.printf("  constrained    median %9.2f ms  (%.3f x)%n", constrainedMs, constrainedMs / plainMs);
        } finally {
            slot.clear("benchmark done");
        }
    }

    /** A matcher as the API's glossary term book does it, without the database. */
    private record TermMatcherBook(TermMatcher matcher) implements TermBook {
        @Override
        public Terminology forPair(String source, String target) {
            return new Terminology() {
                @Override
                public String identity() {
                    return "bench@1";
                }

                @Override
                public List<Term> find(String segment) {
                    return matcher.find(segment).stream().map(m -> new Term(m.entry().source(), m.entry().target()))
                            .toList();
                }
            };
        }
    }

    private static String word(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        int length = 3 + random.nextInt(7);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
