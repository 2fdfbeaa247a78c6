package dev.sema.accounts;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do: each route needs one scope. An API key holds a set of them (absent: every non-admin scope,
 * which is what every key could do before scopes existed); the admin token holds all.
 */
public enum Scope {
    TRANSLATE("translate"),
    DETECT("detect"),
    DOCUMENTS("documents"),
    GLOSSARIES("glossaries"),
    USAGE("usage"),
    ADMIN_KEYS("admin:keys"),
    ADMIN_MODELS("admin:models"),
    ADMIN_AUDIT("admin:audit");

    private static final Set<Scope> DEFAULTS = Set.copyOf(Arrays.stream(values()).filter(s -> !s.admin()).toList());

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    /** The name in requests, answers and the {@code scopes} column. */
    public String code() {
        return code;
    }

    public boolean admin() {
        return code.startsWith("admin:");
    }

    /** The scopes of a key created without any: every non-admin scope. */
    public static Set<Scope> defaults() {
        return DEFAULTS;
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    /**
     * The scopes a single sign-on token's roles grant: {@code admin} every scope, {@code operator} models and all
     * usage, {@code translator} every non-admin scope, and a role named like a scope (e.g. {@code detect}) that
     * scope, for narrow tokens. Other roles grant nothing.
     */
    public static Set<Scope> ofRoles(Collection<String> roles) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String role : roles) {
            switch (role) {
                case "admin" -> scopes.addAll(all());
                case "operator" -> scopes.addAll(EnumSet.of(ADMIN_MODELS, USAGE));
                case "translator" -> scopes.addAll(DEFAULTS);
                default -> parse(role).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    public static Optional<Scope> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
