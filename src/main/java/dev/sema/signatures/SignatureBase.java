package dev.sema.signatures;

import java.util.stream.Collectors;

/** The signature base (RFC 9421 §2.5): one line per covered component, then {@code @signature-params}. */
final class SignatureBase {

    private SignatureBase() {
    }

    static String of(SignedRequest request, SignatureInput input) {
        return input.components().stream().map(c -> "\"" + c + "\": " + value(request, c))
                .collect(Collectors.joining("\n", "", "\n")) + "\"@signature-params\": " + input.params();
    }

    private static String value(SignedRequest request, String component) {
        return switch (component) {
            case "@method" -> request.method();
            case "@target-uri" -> request.targetUri();
            case "content-digest" -> {
                if (request.contentDigest() == null) {
                    throw SignatureRejectedException.invalid("The signature covers content-digest: send the"
                            + " Content-Digest header (RFC 9530, sha-256).");
                }
                yield request.contentDigest().strip();
            }
            default -> throw new IllegalArgumentException("not a covered component: " + component);
        };
    }
}
