package dev.sema.api.filter;

import dev.sema.guard.AllowedAddresses;
import dev.sema.identity.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each single sign-on role may be used from ({@code sema.jwt.role-allowed-ips}), matched against the client
 * address the trusted-proxy rules decide, like a key's allow-list. A role used from elsewhere grants nothing there,
 * so an administrator's token from home still translates if it also carries {@code translator}.
 */
@ApplicationScoped
public class RoleAddresses {

    private final Map<String, AllowedAddresses> byRole;

    @Inject
    public RoleAddresses(TokenConfig config) {
        this.byRole = config.roleAllowedIps().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> AllowedAddresses.parse(e.getValue())));
    }

    /** For the CDI client proxy only. */
    protected RoleAddresses() {
        this.byRole = Map.of();
    }

    /** The roles that hold at a client address. */
    Set<String> admittedAt(Set<String> roles, String address) {
        return roles.stream().filter(r -> byRole.getOrDefault(r, AllowedAddresses.ANYWHERE).admits(address))
                .collect(Collectors.toUnmodifiableSet());
    }
}
