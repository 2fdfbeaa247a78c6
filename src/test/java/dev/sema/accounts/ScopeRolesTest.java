package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScopeRolesTest {

    @Test
    void rolesGrantTheirScopes() {
        assertEquals(Scope.all(), Scope.ofRoles(List.of("admin")));
        assertEquals(EnumSet.of(Scope.ADMIN_MODELS, Scope.USAGE), Scope.ofRoles(List.of("operator")));
        assertEquals(Scope.defaults(), Scope.ofRoles(List.of("translator", "offline_access")));
        assertEquals(EnumSet.of(Scope.DETECT, Scope.ADMIN_AUDIT), Scope.ofRoles(List.of("detect", "admin:audit")));
        assertEquals(Set.of(), Scope.ofRoles(List.of("default-roles-sema", "uma_authorization", "Admin")));
    }
}
