package dev.sema.api.filter;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.Actor;
import dev.sema.accounts.AuditEvent;
import dev.sema.accounts.InvalidApiKeyException;
import dev.sema.accounts.KeyAuthenticator;
import dev.sema.accounts.Scope;
import dev.sema.api.AdminToken;
import dev.sema.api.AuditRecorder;
import dev.sema.api.BearerToken;
import dev.sema.api.RequestTrace;
import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import dev.sema.guard.AllowedAddresses;
import dev.sema.guard.ClientResolver;
import dev.sema.identity.InvalidTokenException;
import dev.sema.identity.TokenKeysUnavailableException;
import dev.sema.identity.TokenPrincipal;
import dev.sema.identity.TokenVerifier;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates the caller of every route that names a {@link RequiresScope} and checks that it holds the scope,
 * before the body is read or any quota charged. Non-admin routes authenticate under {@code SEMA_API_KEYS} (anonymous
 * callers hold the non-admin scopes); admin routes take the admin token or an active API key, never nobody. A key
 * with an allow-list is refused elsewhere (403 {@code ip_not_allowed}, by the client address the trusted-proxy rules
 * decide, so a forged {@code X-Forwarded-For} from an untrusted peer counts for nothing). A missing scope is 403
 * {@code insufficient_scope} with the RFC 6750 challenge naming it. Every refusal on an admin route is appended to
 * the audit trail ({@code admin.denied}); the admin routes themselves exist only with an admin token.
 * <p>
 * With single sign-on on ({@code sema.jwt.issuer}), a bearer shaped like a JWT is checked as the issuer's token here,
 * on the same routes as keys, rather than by Liberty's {@code mpJwt}, which would claim every {@code Bearer} header
 * (API keys and the admin token too) and answer failures with its own bodies. A token that fails is 401
 * {@code invalid_token} on every route, never anonymous; a role used outside its {@code sema.jwt.role-allowed-ips}
 * grants nothing there (403 {@code ip_not_allowed} where only it held the route's scope).
 */
@Provider
@Priority(FilterOrder.ACCESS)
public class AccessFilter implements ContainerRequestFilter {

    // Field injection: the JAX-RS runtime creates providers (Liberty makes them CDI beans), and @Context
    // proxies are only offered to fields.
    @Inject
    KeyAuthenticator authenticator;
    @Inject
    AdminToken adminToken;
    @Inject
    AccountsConfig accounts;
    @Inject
    ClientResolver clients;
    @Inject
    TokenVerifier tokens;
    @Inject
    RoleAddresses roleAddresses;
    @Inject
    AuditRecorder audit;
    @Inject
    RequestTrace trace;
    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Scope> required = required();
        if (required.isEmpty()) {
            return;
        }
        Optional<String> bearer = BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        String address = RequestAddress.of(clients, servletRequest, request);
        if (!required.get().admin()) {
            admit(client(bearer, address), required.get(), address, request);
            return;
        }
        if (!adminToken.configured()) {
            throw new ApiException(404, "not_found", "Not Found. See /openapi for the available routes.");
        }
        Caller caller = null;
        try {
            caller = admin(bearer, address);
            admit(caller, required.get(), address, request);
        } catch (ApiException e) {
            String actor = caller != null ? caller.actor() : bearer.isPresent() ? "unknown" : "anonymous";
            audit.record(new Actor(actor, trace.requestId(), address), AuditEvent.ADMIN_DENIED, request.getMethod()
                    + " " + request.getUriInfo().getRequestUri().getRawPath(), AuditEvent.Outcome.DENIED, e.code());
            throw e;
        }
    }

    /** Checks the caller's allow-list and scope, then hands it to the rest of the request. */
    private void admit(Caller caller, Scope required, String address, ContainerRequestContext request) {
        if (caller.key() != null && !AllowedAddresses.parse(caller.key().settings().allowedIps()).admits(address)) {
            throw new ApiException(403, "ip_not_allowed", "This key may not be used from this address.");
        }
        if (caller.lacksOnlyHere(required)) {
            throw new ApiException(403, "ip_not_allowed", "The token's roles that grant the scope '" + required.code()
                    + "' may not be used from this address.");
        }
        if (!caller.scopes().contains(required)) {
            throw new ApiException(403, ApiError.of("insufficient_scope", "This credential lacks the scope '"
                    + required.code() + "' that this route needs."), Map.of("WWW-Authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"" + required.code() + "\""));
        }
        request.setProperty(Caller.PROPERTY, caller);
        trace.actor(new Actor(caller.actor(), trace.requestId(), address));
    }

    private Optional<Scope> required() {
        return resource.getResourceMethod() == null ? Optional.empty()
                : required(resource.getResourceMethod(), resource.getResourceClass());
    }

    /** The scope a resource method needs: its own annotation's, else its class's. */
    static Optional<Scope> required(Method method, Class<?> resourceClass) {
        RequiresScope on = method.isAnnotationPresent(RequiresScope.class) ? method.getAnnotation(RequiresScope.class)
                : resourceClass.getAnnotation(RequiresScope.class);
        return Optional.ofNullable(on).map(RequiresScope::value);
    }

    private Caller client(Optional<String> bearer, String address) {
        if (bearer.isPresent() && isToken(bearer.get())) {
            return token(bearer.get(), address);
        }
        return authenticator.authenticate(bearer).map(Caller::of).orElse(Caller.ANONYMOUS);
    }

    /**
     * @throws ApiException 401 without a bearer token, 403 with one that is neither the admin token nor an active key
     */
    private Caller admin(Optional<String> bearer, String address) {
        if (bearer.isEmpty()) {
            throw new ApiException(401, ApiError.of("unauthorized", "Send the admin token or an API key with an"
                    + " admin scope as 'Authorization: Bearer <token>' (sema.admin-token, SEMA_ADMIN_TOKEN)."),
                    Map.of("WWW-Authenticate", "Bearer realm=\"sema-admin\""));
        }
        if (adminToken.matches(bearer.get())) {
            return Caller.ADMIN_TOKEN;
        }
        if (isToken(bearer.get())) {
            return token(bearer.get(), address);
        }
        if (accounts.enabled()) {
            try {
                return Caller.of(authenticator.require(bearer.get()));
            } catch (InvalidApiKeyException e) {
                // answered like any wrong token below: an admin route does not tell keys' states apart
            }
        }
        throw new ApiException(403, "forbidden", "The token is neither the admin token nor an active API key.");
    }

    private boolean isToken(String bearer) {
        return tokens.enabled() && TokenVerifier.looksLikeToken(bearer);
    }

    /**
     * @throws ApiException 401 {@code invalid_token} (RFC 6750) for a token this server does not accept, 503 while the
     *                      issuer's keys cannot be fetched
     */
    private Caller token(String bearer, String address) {
        try {
            TokenPrincipal principal = tokens.verify(bearer);
            return Caller.of(principal, roleAddresses.admittedAt(principal.roles(), address));
        } catch (InvalidTokenException e) {
            throw new ApiException(401, ApiError.of("invalid_token", e.getMessage()), Map.of("WWW-Authenticate",
                    "Bearer error=\"invalid_token\", error_description=\"" + e.getMessage() + "\""));
        } catch (TokenKeysUnavailableException e) {
            throw new ApiException(503, ApiError.of("identity_provider_unavailable", e.getMessage()
                    + " Try again shortly."), Map.of("Retry-After", "5"));
        }
    }
}
