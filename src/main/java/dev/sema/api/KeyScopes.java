package dev.sema.api;

import dev.sema.accounts.Scope;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code scopes} field of the admin API's key bodies: absent or null for the default, else known names. */
final class KeyScopes {

    private static final String EXPECTED = "a non-empty list of scopes out of " + Arrays.stream(Scope.values())
            .map(Scope::code).collect(Collectors.joining(", ")) + "; absent or null for every non-admin scope";

    private KeyScopes() {
    }

    /** @return null for the default */
    static Set<Scope> of(List<String> names) {
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw invalid();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            scopes.add(Scope.parse(name).orElseThrow(KeyScopes::invalid));
        }
        return scopes;
    }

    /** The field of a merge patch: null for the default. */
    static Set<Scope> of(JsonValue value) {
        return of(KeyRequests.strings(value, KeyScopes::invalid));
    }

    private static ApiException invalid() {
        return RequestChecks.invalid(400, "invalid_value", "scopes", "Field 'scopes' must be " + EXPECTED + ".",
                EXPECTED);
    }
}
