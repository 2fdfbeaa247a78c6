package dev.sema.accounts;

/** A bearer token that is no usable key: unknown, revoked, disabled or expired. Never treated as anonymous. */
public final class InvalidApiKeyException extends AccountsException {

    /** Why; {@code unknown} for a token that is no key at all. */
    private final String reason;

    public InvalidApiKeyException(String reason) {
        super(switch (reason) {
            case "unknown" -> "The API key is not valid.";
            default -> "The API key is " + reason + ".";
        });
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
