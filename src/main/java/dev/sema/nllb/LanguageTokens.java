package dev.sema.nllb;

import dev.sema.languages.NllbLanguages;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language-code tokens of an NLLB vocabulary ({@code eng_Latn} = 256047 in the released models) and
 * {@code <mask>}. They sit after the SentencePiece pieces: {@code spmSize + 1 + index} in the fairseq code
 * list ({@link NllbLanguages}, in id order), unless a {@code tokenizer.json} lists them
 * as added tokens, which then wins (fine-tunes add languages that way).
 */
public final class LanguageTokens {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}_[A-Z][a-z]{3}");

    private final Map<String, Integer> idByCode;
    private final Set<Integer> ids;
    private final int maskId;

    private LanguageTokens(Map<String, Integer> idByCode, int maskId) {
        this.idByCode = Collections.unmodifiableMap(idByCode);
        this.ids = new HashSet<>(idByCode.values());
        this.maskId = maskId;
    }

    /** The fairseq layout: codes right after the {@code spmSize} pieces (shifted by the fairseq offset of 1). */
    static LanguageTokens derive(int spmSize) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<String> codes = NllbLanguages.codes();
        for (int i = 0; i < codes.size(); i++) {
            ids.put(codes.get(i), spmSize + 1 + i);
        }
        return new LanguageTokens(ids, spmSize + 1 + codes.size());
    }

    /**
     * Reads the {@code added_tokens} of a Hugging Face {@code tokenizer.json}, streaming past its large
     * {@code model} section. Falls back to {@link #derive} when it names no language token.
     */
    static LanguageTokens read(Path tokenizerJson, int spmSize) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int mask = -1;
        try (Reader in = Files.newBufferedReader(tokenizerJson, StandardCharsets.UTF_8);
             JsonParser parser = Json.createParser(in)) {
            for (JsonValue token : addedTokens(parser)) {
                JsonObject added = token.asJsonObject();
                String content = added.getString("content");
                int id = added.getInt("id");
                if (CODE.matcher(content).matches()) {
                    ids.put(content, id);
                } else if ("<mask>".equals(content)) {
                    mask = id;
                }
            }
        } catch (IOException | JsonException | ClassCastException | NullPointerException e) {
            throw new NllbModelException("Cannot read the added tokens of " + tokenizerJson + ": " + e, e);
        }
        if (ids.isEmpty()) {
            return derive(spmSize);
        }
        return new LanguageTokens(ids, mask >= 0 ? mask : Collections.max(ids.values()) + 1);
    }

    private static List<JsonValue> addedTokens(JsonParser parser) {
        if (parser.next() != JsonParser.Event.START_OBJECT) {
            throw new JsonException("not a JSON object");
        }
        while (parser.next() == JsonParser.Event.KEY_NAME) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            if ("added_tokens".equals(key) && value == JsonParser.Event.START_ARRAY) {
                return parser.getArray();
            }
            if (value == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (value == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
        }
        return List.of();
    }

    /**
     * @throws IllegalArgumentException when the model has no token for {@code code}
     */
    public int id(String code) {
        Integer id = idByCode.get(code);
        if (id == null) {
            throw new IllegalArgumentException("The model has no language token for '" + code + "'");
        }
        return id;
    }

    public boolean isLanguage(int id) {
        return ids.contains(id);
    }

    /** Whether the model has a token for {@code code}; checked on every request, so no copy of {@link #codes}. */
    public boolean has(String code) {
        return idByCode.containsKey(code);
    }

    /** Codes the model knows, in id order. */
    public List<String> codes() {
        return List.copyOf(idByCode.keySet());
    }

    public int maskId() {
        return maskId;
    }
}
