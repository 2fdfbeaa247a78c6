package dev.sema.translation;

import dev.sema.batching.DecodeOptions;
import dev.sema.batching.DecodedSegment;
import dev.sema.fleet.SharedStore;
import dev.sema.generation.OutputLengthRule;
import dev.sema.observability.Sha256;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second level of the {@link TranslationCache}: segment translations that any replica decoded, in the shared
 * store (Redis) for {@code sema.cache-ttl}. A key is the SHA-256 of the model's content identity (Hub commit and
 * variant, or a local folder's fingerprint; never a path or a load, which differ between replicas), the decode
 * options and the text, so a replica only ever finds what the same model files made with the same options.
 *
 * <p>A lookup of any number of segments is one MGET and a write-back one EVAL of a script that SETs each with
 * its expiry, both bounded by the store's timeout. Without Redis (none configured, down, slow) both do nothing:
 * the cache is then its first level alone, and nothing fails.
 */
final class SharedTranslations {

    /** KEYS: the entries; ARGV[1]: seconds to live, ARGV[i + 1]: the value of KEYS[i]. */
    private static final String WRITE = "for i, key in ipairs(KEYS) do"
            + " redis.call('SET', key, ARGV[i + 1], 'EX', ARGV[1]) end return #KEYS";
    /**
     * Changes whenever the key material or the value encoding does, so old entries are never misread: tc1 values
     * held no score, and a tc2 replica neither finds them (another key) nor could decode one (no score field).
     */
    private static final String FORMAT = "tc2";

    private final SharedStore store;
    private final String ttlSeconds;

    /** @param ttl how long an entry lives in Redis, at least a second */
    SharedTranslations(SharedStore store, Duration ttl) {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("sema.cache-ttl must be at least 1 second, got " + ttl.toSeconds());
        }
        this.store = store;
        this.ttlSeconds = Long.toString(ttl.toSeconds());
    }

    /** Whether there is a Redis to share with at all; if not, keys need not be computed. */
    boolean enabled() {
        return store.enabled();
    }

    /** The Redis key of one segment's translations by the model {@code contentId} under {@code options}. */
    String key(String contentId, DecodeOptions options, String text) {
        OutputLengthRule length = options.length();
        String material = String.join("\n", FORMAT, contentId, options.source(), options.target(),
                Integer.toString(options.beams()), Integer.toString(options.returns()),
                Double.toString(length.perSourceToken()), Integer.toString(length.extra()),
                Integer.toString(length.cap()), text)
                // Appended only when set, so the keys of unconstrained translations stay what they were.
                + (options.terminology().isEmpty() ? "" : "\n" + options.terminology());
        return store.key(FORMAT, HexFormat.of().formatHex(Sha256.digest(material)));
    }

    /** @return the decoded segments found under {@code keys}; empty when Redis is away */
    Map<String, DecodedSegment> find(List<String> keys) {
        Optional<List<KeyValue<String, String>>> values = store.call(c -> c.mget(keys.toArray(String[]::new)));
        Map<String, DecodedSegment> found = new HashMap<>();
        values.ifPresent(list -> list.stream().filter(KeyValue::hasValue)
                .forEach(kv -> decode(kv.getValue()).ifPresent(segment -> found.put(kv.getKey(), segment))));
        return found;
    }

    /** Stores {@code entries} (key to decoded segment) with the expiry; skipped when Redis is away. */
    void keep(Map<String, DecodedSegment> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String[] keys = entries.keySet().toArray(String[]::new);
        String[] args = new String[keys.length + 1];
        args[0] = ttlSeconds;
        for (int i = 0; i < keys.length; i++) {
            args[i + 1] = encode(entries.get(keys[i]));
        }
        store.call(c -> c.eval(WRITE, ScriptOutputType.INTEGER, keys, args));
    }

    /**
     * The score as {@link Double#toString} (which reads back to the same double), a semicolon, then each translation
     * as its length in UTF-16 units, a colon and the string: no character needs escaping.
     */
    static String encode(DecodedSegment segment) {
        StringBuilder out = new StringBuilder().append(segment.score()).append(';');
        segment.nBest().forEach(s -> out.append(s.length()).append(':').append(s));
        return out.toString();
    }

    /** The inverse of {@link #encode}; empty for anything it did not write (another version, a foreign value). */
    static Optional<DecodedSegment> decode(String value) {
        int semicolon = value.indexOf(';');
        double score;
        try {
            score = semicolon < 1 ? Double.NaN : Double.parseDouble(value.substring(0, semicolon));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!Double.isFinite(score)) {
            return Optional.empty();
        }
        List<String> nBest = new ArrayList<>();
        int at = semicolon + 1;
        while (at < value.length()) {
            int colon = value.indexOf(':', at);
            if (colon <= at || colon - at > 9) {
                return Optional.empty();
            }
            int length;
            try {
                length = Integer.parseInt(value, at, colon, 10);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            int end = colon + 1 + length;
            if (length < 0 || end > value.length()) {
                return Optional.empty();
            }
            nBest.add(value.substring(colon + 1, end));
            at = end;
        }
        return nBest.isEmpty() ? Optional.empty() : Optional.of(new DecodedSegment(nBest, score));
    }
}
