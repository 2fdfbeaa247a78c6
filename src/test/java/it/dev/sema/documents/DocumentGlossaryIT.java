package it.dev.sema.documents;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code glossary_id} on document uploads, on semaGlossaryIT (accounts on H2, the random-weight nllb-tiny, whose
 * outputs never hold a target term by chance): every part that holds a source term comes back with its target term,
 * in text and markup parts; a part without one reads as in the same document uploaded without the glossary.
 * Refusals come at upload, before anything is queued or charged.
 */
class DocumentGlossaryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String ENTRIES = "river\trivière\nstation\tgare\nlaptop\tordinateur portable\n"
            + "power\tKenya Power\nmarket\tmarché\n";
    /** Each paragraph with the target terms its source terms require; none for the free ones. */
    private static final Map<String, List<String>> PARAGRAPHS = Map.of(
            "The river runs past the old station.", List.of("rivière", "gare"),
            "My Laptop is on the table.", List.of("ordinateur portable"),
            "Nobody came to the meeting yesterday.", List.of(),
            "Power lines cross the river near the market. The rain stopped.", List.of("Kenya Power", "rivière",
                    "marché"),
            "We walked home in the rain.", List.of(),
            "A powerful engine was riverside.", List.of());

    private final Http server = Http.on("http.port.glossary").awaitReady(Duration.ofSeconds(120));
    private final DocumentClient client = new DocumentClient(server);

    @Test
    void everyPartWithATermHasItsTargetAndThePartsWithoutReadAsWithoutTheGlossary() {
        Keys.Key owner = Keys.create(server, Keys.body("document glossary", ""));
        String id = glossary(owner, "fra_Latn");
        List<String> paragraphs = List.copyOf(PARAGRAPHS.keySet());
        String text = String.join("\n\n", paragraphs) + "\n";

        String[] without = translated(owner, "notes.txt", text, null).split("\n\n");
        String[] with = translated(owner, "notes.txt", text, id).split("\n\n");
        assertEquals(paragraphs.size(), with.length);
        for (int i = 0; i < paragraphs.size(); i++) {
            List<String> targets = PARAGRAPHS.get(paragraphs.get(i));
            for (String target : targets) {
                assertTrue(with[i].contains(target), "'" + target + "' missing from '" + with[i] + "' for '"
                        + paragraphs.get(i) + "'");
            }
            if (targets.isEmpty()) {
                assertEquals(without[i].strip(), with[i].strip(), "no term in '" + paragraphs.get(i) + "'");
            } else {
                assertTrue(targets.stream().noneMatch(without[i]::contains), "without the glossary: " + without[i]);
            }
        }
        long characters = text.lines().filter(l -> !l.isBlank()).mapToLong(String::length).sum();
        assertEquals(2 * characters, Keys.charactersToday(server, owner.id()), "each upload billed its text");

        String html = "<html><body><h1>The station</h1><p>Walk along the <b>river</b> to the station.</p>"
                + "</body></html>";
        String page = Jsoup.parse(translated(owner, "page.html", html, id)).text();
        assertTrue(page.contains("gare") && page.contains("rivière"), page);
    }

    @Test
    void aGlossaryThatIsNotTheCallersOrLacksThePairIsRefusedAtUpload() {
        Keys.Key owner = Keys.create(server, Keys.body("document glossary owner", ""));
        Keys.Key other = Keys.create(server, Keys.body("document glossary other", ""));
        String id = glossary(owner, "fra_Latn");
        byte[] file = "The river.\n".getBytes(StandardCharsets.UTF_8);

        JsonObject pair = client.upload("a.txt", file, fields("deu_Latn", id), auth(owner))
                .error(400, "invalid_glossary");
        assertTrue(pair.getString("detail").contains("eng_Latn→deu_Latn"), pair.toString());
        client.upload("a.txt", file, fields("fra_Latn", id), auth(other)).error(404, "glossary_not_found");
        client.upload("a.txt", file, fields("fra_Latn", "g_unknown"), auth(owner)).error(404, "glossary_not_found");
        client.upload("a.txt", file, fields("fra_Latn", id), Map.of()).error(401, "api_key_required");
        assertEquals(0, Keys.charactersToday(server, owner.id()), "nothing queued, nothing reserved");
        assertEquals(0, Keys.charactersToday(server, other.id()));
    }

    /** Uploads, waits for the end and downloads. */
    private String translated(Keys.Key key, String name, String content, String glossaryId) {
        JsonObject receipt = client.upload(name, content.getBytes(StandardCharsets.UTF_8),
                fields("fra_Latn", glossaryId), auth(key)).expect(202).json();
        JsonObject status = client.awaitEnd(receipt, DEADLINE);
        assertEquals("done", status.getString("status"), status::toString);
        return client.result(receipt.getString("document_id"), receipt.getString("document_key")).expect(200).text();
    }

    private String glossary(Keys.Key owner, String target) {
        String body = Json.createObjectBuilder().add("name", "Documents").add("dictionaries", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("source_language", "eng_Latn").add("target_language", target)
                        .add("entries", ENTRIES))).build().toString();
        return server.post("/api/v1/glossaries", body, owner.headers()).expect(201).json().getString("glossary_id");
    }

    private static Map<String, String> fields(String target, String glossaryId) {
        Map<String, String> fields = new HashMap<>(Map.of("target_language", target, "source_language", "eng_Latn"));
        if (glossaryId != null) {
            fields.put("glossary_id", glossaryId);
        }
        return fields;
    }

    private static Map<String, String> auth(Keys.Key key) {
        return Map.of("Authorization", "Bearer " + key.secret());
    }
}
