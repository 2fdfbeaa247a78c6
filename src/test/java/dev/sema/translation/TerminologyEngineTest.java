package dev.sema.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Terms through the whole engine on generated models: with random weights the model never writes a term by
 * chance, so every term in the output is the constraint's doing; without terms, outputs are byte-identical.
 */
class TerminologyEngineTest {

    @RegisterExtension
    static final GeneratedModelSlots MODELS = new GeneratedModelSlots();

    private static final List<String> WORDS = List.of("power", "river", "house", "garden", "station", "market",
            "bridge", "window", "school", "forest", "engine", "letter");
    private static final List<String> TARGETS = List.of("Kenya Power", "Umeme", "maison", "Gartenhaus", "gare",
            "mercado", "Brücke", "fenêtre", "école", "forêt", "moteur", "lettre");

    /** Whole-word, lower-case matching of the word list: enough to drive the engine; glossary tests the real one. */
    private record WordTerms(String identity, List<Integer> words) implements Terminology {
        @Override
        public List<Term> find(String segment) {
            List<Term> terms = new ArrayList<>();
            for (String token : segment.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                int index = WORDS.indexOf(token);
                if (index >= 0 && words.contains(index)) {
                    terms.add(new Term(WORDS.get(index), TARGETS.get(index)));
                }
            }
            return terms;
        }
    }

    @Test
    void everyFoundTermIsInTheRandomModelsOutputAndTextsWithoutTermsAreUnchanged() {
        SplittableRandom random = new SplittableRandom(21);
        for (int beams : new int[]{1, 2, 4}) {
            NllbTranslationEngine engine = TestEngines.uncached(MODELS.tiny, EngineConfigs.of(beams, 64, 400, 8));
            for (int trial = 0; trial < 6; trial++) {
                List<Integer> glossary = random.ints(4, 0, WORDS.size()).boxed().distinct().toList();
                WordTerms terminology = new WordTerms("g" + trial + "@1", glossary);
                List<String> texts = new ArrayList<>();
                for (int t = 0; t < 5; t++) {
                    texts.add(sentence(random));
                }
                List<TranslationOutput> plain = engine.translate(texts, "eng_Latn", "fra_Latn",
                        new TranslationOptions(beams, 0));
                List<TranslationOutput> constrained = engine.translate(texts, "eng_Latn", "fra_Latn",
                        new TranslationOptions(beams, 0, (source, target) -> terminology));
                for (int t = 0; t < texts.size(); t++) {
                    List<Term> found = terminology.find(texts.get(t));
                    String output = constrained.get(t).text();
                    if (found.isEmpty()) {
                        assertEquals(plain.get(t).text(), output, "no term, no change: " + texts.get(t));
                    }
                    for (Term term : found) {
                        assertTrue(output.contains(term.target()), beams + " beams: '" + term.target()
                                + "' missing from '" + output + "' for '" + texts.get(t) + "'");
                    }
                    assertEquals(found, constrained.get(t).terms());
                }
            }
        }
    }

    @Test
    void theEchoModelKeepsTextsWithoutTermsByteForByte() {
        NllbTranslationEngine engine = TestEngines.uncached(MODELS.echo, EngineConfigs.of(2, 128, 400, 8));
        List<String> texts = List.of("Nothing to see here.", "The power of the river.");
        List<TranslationOutput> out = engine.translate(texts, "eng_Latn", "fra_Latn",
                new TranslationOptions(2, 0, (source, target) -> new WordTerms("g@1", List.of(0))));
        assertEquals("Nothing to see here.", out.get(0).text());
        assertTrue(out.get(1).text().contains("Kenya Power"), out.get(1).text());
    }

    /**
     * Through one cache: a sentence first translated plainly is not served from the cache once terms apply, a
     * sentence without terms is, and a new glossary version decodes afresh instead of reusing the old entries.
     */
    @Test
    void theCacheKeepsConstrainedTranslationsApartPerGlossaryVersion() {
        int[] misses = {0};
        TranslationCache cache = new TranslationCache(100, SharedLevels.none(), (memory, shared, missed) -> misses[0] += missed);
        NllbTranslationEngine engine = TestEngines.cached(MODELS.tiny, EngineConfigs.of(2, 64, 400, 8), cache);
        List<String> texts = List.of("The river runs.", "Nothing here.");
        String plainRiver = engine.translate(texts, "eng_Latn", "fra_Latn", new TranslationOptions(2, 0)).get(0).text();
        assertEquals(2, misses[0]);
        TranslationOptions v1 = new TranslationOptions(2, 0, (source, target) -> new WordTerms("g@1", List.of(1)));
        List<TranslationOutput> constrained = engine.translate(texts, "eng_Latn", "fra_Latn", v1);
        assertTrue(constrained.get(0).text().contains("Umeme"), constrained.get(0).text());
        assertTrue(!plainRiver.contains("Umeme"), "the random model does not write the term by itself");
        assertEquals(3, misses[0], "only the sentence with a term was decoded again");
        engine.translate(texts, "eng_Latn", "fra_Latn", v1);
        assertEquals(3, misses[0], "the same glossary version is served from the cache");
        TranslationOptions v2 = new TranslationOptions(2, 0, (source, target) -> new WordTerms("g@2", List.of(1)));
        engine.translate(texts, "eng_Latn", "fra_Latn", v2);
        assertEquals(4, misses[0], "a new version decodes afresh");
    }

    private static String sentence(SplittableRandom random) {
        StringBuilder text = new StringBuilder("The");
        int words = 2 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
            text.append(' ').append(random.nextInt(3) == 0 ? "of" : WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.append('.').toString();
    }
}
