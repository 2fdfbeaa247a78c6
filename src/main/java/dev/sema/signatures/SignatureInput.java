package dev.sema.signatures;

import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code sig1} member of a {@code Signature-Input} header (RFC 9421 §4.1), checked against what Sema accepts:
 * exactly the components {@code @method}, {@code @target-uri} and {@code content-digest} (in any order), with
 * {@code created}, {@code nonce}, {@code keyid} and {@code alg="hmac-sha256"}, optionally {@code expires}.
 *
 * @param components the covered components in the client's order, which the signature base follows
 * @param params     the inner list as RFC 8941 serializes it: the {@code @signature-params} line's value
 * @param expires    null when the client set none
 */
record SignatureInput(List<String> components, String params, Instant created, Instant expires, String keyId,
                      String nonce) {

    static final String LABEL = "sig1";
    static final String ALGORITHM = "hmac-sha256";
    static final Set<String> COVERED = Set.of("@method", "@target-uri", "content-digest");
    /** Longest nonce accepted: bounds what remembering one costs. */
    static final int MAX_NONCE = 128;

    /** @throws SignatureRejectedException (invalid) for anything else */
    static SignatureInput parse(String header) {
        InnerList list = dictionaryMember(header, "Signature-Input", LABEL, InnerList.class);
        List<String> components = list.get().stream().map(SignatureInput::component).toList();
        if (components.size() != COVERED.size() || !new HashSet<>(components).equals(COVERED)) {
            throw SignatureRejectedException.invalid("The signature must cover exactly \"@method\", \"@target-uri\""
                    + " and \"content-digest\".");
        }
        Parameters p = list.getParams();
        if (!ALGORITHM.equals(string(p, "alg"))) {
            throw SignatureRejectedException.invalid("Signature-Input needs alg=\"" + ALGORITHM + "\".");
        }
        String nonce = string(p, "nonce");
        if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE) {
            throw SignatureRejectedException.invalid("Signature-Input needs a nonce of 1 to " + MAX_NONCE
                    + " characters, new for every request.");
        }
        Instant created = instant(p, "created");
        if (created == null) {
            throw SignatureRejectedException.invalid("Signature-Input needs created (Unix seconds).");
        }
        return new SignatureInput(components, list.serialize(), created, instant(p, "expires"), string(p, "keyid"),
                nonce);
    }

    /**
     * The member {@code key} of a dictionary header, of the given type.
     *
     * @throws SignatureRejectedException (invalid) when the header is malformed or has no such member
     */
    static <T> T dictionaryMember(String header, String name, String key, Class<T> type) {
        Dictionary dictionary;
        try {
            dictionary = Parser.parseDictionary(header);
        } catch (IllegalArgumentException e) {
            throw SignatureRejectedException.invalid(name + " is not a structured-field dictionary (RFC 8941).");
        }
        ListElement<?> member = dictionary.get().get(key);
        if (!type.isInstance(member)) {
            throw SignatureRejectedException.invalid(name + " has no member " + key + " of the right type.");
        }
        return type.cast(member);
    }

    private static String component(Item<?> item) {
        if (!(item instanceof StringItem name) || !item.getParams().isEmpty()) {
            throw SignatureRejectedException.invalid("Covered components are plain quoted names, without parameters.");
        }
        return name.get();
    }

    private static String string(Parameters params, String name) {
        Item<?> value = params.get(name);
        if (value != null && !(value instanceof StringItem)) {
            throw SignatureRejectedException.invalid("The Signature-Input parameter " + name + " must be a string.");
        }
        return value == null ? null : ((StringItem) value).get();
    }

    private static Instant instant(Parameters params, String name) {
        Item<?> value = params.get(name);
        if (value != null && !(value instanceof IntegerItem)) {
            throw SignatureRejectedException.invalid("The Signature-Input parameter " + name
                    + " must be an integer (Unix seconds).");
        }
        return value == null ? null : Instant.ofEpochSecond(((IntegerItem) value).getAsLong());
    }
}
