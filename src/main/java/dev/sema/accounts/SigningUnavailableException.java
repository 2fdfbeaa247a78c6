package dev.sema.accounts;

/**
 * A key is to sign its requests but cannot: no sealing key ({@code sema.signing-kek}) is configured, or the key was
 * created while none was and so has no signing secret.
 */
public final class SigningUnavailableException extends AccountsException {

    SigningUnavailableException(String message) {
        super(message);
    }
}
