package dev.sema.api.filter;

import dev.sema.accounts.ApiKey;
import dev.sema.accounts.Scope;
import dev.sema.identity.TokenPrincipal;

import java.util.Set;

/**
 * Who sent a request and what it may do, as {@link AccessFilter} established it (request property
 * {@link #PROPERTY}).
 *
 * @param actor  what logs and the audit trail name: a key id, {@code token:<subject>}, {@code admin_token} or
 *               {@code anonymous}
 * @param key    the API key, null for everyone else
 * @param token  the single sign-on token's subject, null for everyone else
 */
public record Caller(String actor, Set<Scope> scopes, ApiKey key, TokenPrincipal token) {

    public static final String PROPERTY = Caller.class.getName();

    /** The bootstrap credential ({@code sema.admin-token}): every scope. */
    static final Caller ADMIN_TOKEN = new Caller("admin_token", Scope.all(), null, null);
    /** No key, where the mode allows it: the non-admin scopes, under the per-address limits. */
    static final Caller ANONYMOUS = new Caller("anonymous", Scope.defaults(), null, null);

    static Caller of(ApiKey key) {
        return new Caller(key.id(), key.settings().effectiveScopes(), key, null);
    }

    /**
     * A token's subject holds the scopes its roles grant ({@link Scope#ofRoles}), of those roles that hold where the
     * request comes from ({@link RoleAddresses}).
     */
    static Caller of(TokenPrincipal token, Set<String> rolesHere) {
        return new Caller("token:" + token.subject(), Scope.ofRoles(rolesHere), null, token);
    }

    /** Whether the scope is missing only because of where the request comes from. */
    boolean lacksOnlyHere(Scope scope) {
        return token != null && !scopes.contains(scope) && Scope.ofRoles(token.roles()).contains(scope);
    }
}
