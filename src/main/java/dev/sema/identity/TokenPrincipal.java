package dev.sema.identity;

import java.util.Set;

/**
 * The subject of a verified token.
 *
 * @param subject the {@code sub} claim (Keycloak: the user's or service account's id); never a secret
 * @param roles   the values of the configured roles claim, empty when it is absent
 */
public record TokenPrincipal(String subject, Set<String> roles) {

    public TokenPrincipal {
        roles = Set.copyOf(roles);
    }
}
