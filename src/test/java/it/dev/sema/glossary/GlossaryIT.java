package it.dev.sema.glossary;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glossaries over HTTP on semaGlossaryIT (accounts on H2, the random-weight nllb-tiny): the CRUD routes and their
 * ownership, validation with line numbers, and the guarantee as a property over many sentences and glossaries:
 * every matched target term is in the output verbatim, and texts without a match translate exactly as without
 * the glossary.
 */
class GlossaryIT {

    private static final List<String> WORDS = List.of("power", "river", "house", "garden", "station", "market",
            "bridge", "window", "school", "forest", "engine", "letter", "mountain", "village");
    private static final List<String> TARGETS = List.of("Kenya Power", "rivière", "maison", "jardin public", "gare",
            "marché", "pont", "fenêtre", "école", "forêt", "moteur", "lettre", "montagne", "Dorf");

    private final Http server = Http.on("http.port.glossary").awaitReady(Duration.ofSeconds(120));

    @Test
    void aGlossaryIsCreatedReadChangedAndDeletedByItsOwnerOnly() {
        Keys.Key owner = Keys.create(server, Keys.body("glossary owner", ""));
        Keys.Key other = Keys.create(server, Keys.body("someone else", ""));
        JsonObject created = server.post("/api/v1/glossaries", create("Utilities", "eng_Latn", "fra_Latn",
                "Kenya Power\tKenya Power\nlaptop\tordinateur portable\n", "tsv"), owner.headers()).expect(201).json();
        String id = created.getString("glossary_id");
        assertEquals(1, created.getInt("version"));
        assertEquals(2, created.getJsonArray("dictionaries").getJsonObject(0).getInt("entry_count"));

        assertEquals(List.of(id), ids(server.get("/api/v1/glossaries", owner.headers()).expect(200).json()));
        assertEquals(List.of(), ids(server.get("/api/v1/glossaries", other.headers()).expect(200).json()));
        Keys.Key admin = Keys.create(server, "{\"name\":\"glossary admin\",\"scopes\":[\"glossaries\",\"admin:keys\"]}");
        assertTrue(ids(server.get("/api/v1/glossaries", admin.headers()).expect(200).json()).contains(id),
                "a key with admin:keys sees all");
        server.get("/api/v1/glossaries/" + id, other.headers()).error(404, "glossary_not_found");
        server.post("/api/v1/translate", translate("Kenya Power", id), other.headers()).error(404, "glossary_not_found");

        String entries = "/api/v1/glossaries/" + id + "/entries?source_language=en&target_language=French";
        Map<String, String> tsv = Map.of("Authorization", "Bearer " + owner.secret(), "Accept", "text/tab-separated-values");
        assertEquals("Kenya Power\tKenya Power\nlaptop\tordinateur portable\n", server.get(entries, tsv).expect(200).body());
        assertEquals("ordinateur portable", server.get(entries, owner.headers()).expect(200).json()
                .getJsonArray("entries").getJsonObject(1).getString("target"));

        JsonObject merged = server.method("PATCH", "/api/v1/glossaries/" + id, "{\"dictionary_mode\":\"merge\","
                + "\"dictionaries\":[{\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\",\"entries\":"
                + "\"LAPTOP,portable\\npower bill,facture\",\"entries_format\":\"csv\"}]}", owner.headers()).expect(200).json();
        assertEquals(2, merged.getInt("version"));
        assertEquals(3, merged.getJsonArray("dictionaries").getJsonObject(0).getInt("entry_count"), "laptop replaced");
        JsonObject replaced = server.method("PATCH", "/api/v1/glossaries/" + id, "{\"name\":\"Renamed\","
                + "\"dictionaries\":[{\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\",\"entries\":"
                + "\"grid\\tréseau\"}]}", owner.headers()).expect(200).json();
        assertEquals("Renamed", replaced.getString("name"));
        assertEquals(1, replaced.getJsonArray("dictionaries").getJsonObject(0).getInt("entry_count"));

        server.method("DELETE", "/api/v1/glossaries/" + id, other.headers()).error(404, "glossary_not_found");
        server.method("DELETE", "/api/v1/glossaries/" + id, owner.headers()).expect(204);
        server.get("/api/v1/glossaries/" + id, owner.headers()).error(404, "glossary_not_found");
    }

    @Test
    void badEntriesAreRefusedWithEveryProblemAndItsLine() {
        Keys.Key owner = Keys.create(server, Keys.body("careless", ""));
        JsonObject error = server.post("/api/v1/glossaries", create("Bad", "eng_Latn", "fra_Latn",
                "ok\tbien\n\tvide\nOK\tdouble\n" + "x".repeat(201) + "\tlong\n", "tsv"), owner.headers())
                .error(400, "invalid_glossary");
        assertEquals(List.of("line 2: empty source term", "line 3: source term duplicates line 1",
                        "line 4: a term is longer than 200 characters"),
                error.getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("message")).toList());
        assertEquals("dictionaries[0].entries", error.getJsonArray("errors").getJsonObject(0).getString("field"));
        server.post("/api/v1/glossaries", "{\"name\":\"none\",\"dictionaries\":[]}", owner.headers())
                .error(400, "invalid_request");
        server.post("/api/v1/glossaries", create("Anonymous", "eng_Latn", "fra_Latn", "a\tb", "tsv"),
                Map.of("Content-Type", "application/json")).expect(401);
    }

    @Test
    void aGlossaryWithoutTheRequestsPairIsRefusedNamingThePair() {
        Keys.Key owner = Keys.create(server, Keys.body("one pair", ""));
        String id = server.post("/api/v1/glossaries", create("Pair", "eng_Latn", "fra_Latn", "river\trivière", "tsv"),
                owner.headers()).expect(201).json().getString("glossary_id");
        JsonObject error = server.post("/api/v1/translate", "{\"text\":\"The river.\",\"source_language\":\"eng_Latn\","
                + "\"target_language\":\"deu_Latn\",\"glossary_id\":\"" + id + "\"}", owner.headers())
                .error(400, "invalid_glossary");
        assertTrue(error.getString("detail").contains("eng_Latn→deu_Latn"), error.toString());
    }

    /**
     * Many sentences against several glossaries through /translate/batch, at beam sizes 1 and 4: each text's
     * matched terms are in its translation verbatim and listed in glossary_entries; a text without a match reads
     * exactly as in the same request without glossary_id.
     */
    @Test
    void everyMatchedTargetTermIsInEveryOutputAndTextsWithoutMatchesAreUnchanged() {
        Keys.Key owner = Keys.create(server, Keys.body("property", ""));
        SplittableRandom random = new SplittableRandom(2026);
        int constrainedTexts = 0;
        int freeTexts = 0;
        for (int trial = 0; trial < 6; trial++) {
            List<Integer> chosen = random.ints(5, 0, WORDS.size()).boxed().distinct().toList();
            String entries = chosen.stream().map(i -> WORDS.get(i) + "\t" + TARGETS.get(i)).collect(Collectors.joining("\n"));
            String id = server.post("/api/v1/glossaries", create("trial " + trial, "eng_Latn", "fra_Latn", entries, "tsv"),
                    owner.headers()).expect(201).json().getString("glossary_id");
            List<String> texts = IntStream.range(0, 10).mapToObj(t -> sentence(random)).toList();
            int beams = trial % 2 == 0 ? 1 : 4;
            JsonArray plain = server.post("/api/v1/translate/batch", batch(texts, beams, null), owner.headers())
                    .expect(200).json().getJsonArray("translations");
            JsonArray withGlossary = server.post("/api/v1/translate/batch", batch(texts, beams, id), owner.headers())
                    .expect(200).json().getJsonArray("translations");
            for (int t = 0; t < texts.size(); t++) {
                List<Integer> found = found(texts.get(t), chosen);
                JsonObject out = withGlossary.getJsonObject(t);
                String translated = out.getString("translated_text");
                if (found.isEmpty()) {
                    freeTexts++;
                    assertEquals(plain.getJsonObject(t).getString("translated_text"), translated, texts.get(t));
                } else {
                    constrainedTexts++;
                }
                for (int word : found) {
                    assertTrue(translated.contains(TARGETS.get(word)), "beam " + beams + ": '" + TARGETS.get(word)
                            + "' missing from '" + translated + "' for '" + texts.get(t) + "'");
                }
                assertEquals(found.stream().map(TARGETS::get).toList(), out.getJsonArray("glossary_entries")
                        .getValuesAs(JsonObject.class).stream().map(e -> e.getString("target")).toList());
                assertFalse(plain.getJsonObject(t).containsKey("glossary_entries"));
            }
        }
        assertTrue(constrainedTexts > 20 && freeTexts > 3, constrainedTexts + " constrained, " + freeTexts + " free");
    }

    @Test
    void singleAndStreamedTranslationsCarryTheTermsToo() {
        Keys.Key owner = Keys.create(server, Keys.body("single", ""));
        String id = server.post("/api/v1/glossaries", create("One", "eng_Latn", "fra_Latn",
                "Kenya Power\tKenya Power\nriver\trivière", "tsv"), owner.headers()).expect(201).json().getString("glossary_id");
        String text = "KENYA POWER lives by the river. Nothing else here.";
        JsonObject single = server.post("/api/v1/translate", translate(text, id), owner.headers()).expect(200).json();
        assertTrue(single.getString("translated_text").contains("Kenya Power"), single.toString());
        assertTrue(single.getString("translated_text").contains("rivière"), single.toString());
        assertEquals(2, single.getJsonArray("glossary_entries").size());
        String stream = server.post("/api/v1/translate/stream", translate(text, id), owner.headers()).expect(200).body();
        assertTrue(stream.contains("Kenya Power"), stream);
        assertTrue(stream.contains("rivière") || stream.contains("rivi\\u00e8re"), stream);
    }

    private static List<Integer> found(String text, List<Integer> chosen) {
        List<Integer> found = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            int index = WORDS.indexOf(token);
            if (index >= 0 && chosen.contains(index)) {
                found.add(index);
            }
        }
        return found;
    }

    private static String sentence(SplittableRandom random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "The" : "A");
        int words = 2 + random.nextInt(5);
        for (int w = 0; w < words; w++) {
            text.append(' ').append(random.nextInt(3) == 0 ? "and" : WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.append('.').toString();
    }

    private static String create(String name, String source, String target, String entries, String format) {
        return Json.createObjectBuilder().add("name", name).add("dictionaries", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("source_language", source).add("target_language", target)
                        .add("entries", entries).add("entries_format", format))).build().toString();
    }

    private static String translate(String text, String glossaryId) {
        return Json.createObjectBuilder().add("text", text).add("source_language", "eng_Latn")
                .add("target_language", "fra_Latn").add("glossary_id", glossaryId).build().toString();
    }

    private static String batch(List<String> texts, int beams, String glossaryId) {
        var body = Json.createObjectBuilder().add("texts", Json.createArrayBuilder(texts))
                .add("source_language", "eng_Latn").add("target_language", "fra_Latn").add("beam_size", beams);
        if (glossaryId != null) {
            body.add("glossary_id", glossaryId);
        }
        return body.build().toString();
    }

    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("glossaries").getValuesAs(JsonObject.class).stream()
                .map(g -> g.getString("glossary_id")).toList();
    }
}
