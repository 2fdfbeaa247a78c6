package dev.sema.api.filter;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.ApiKey;
import dev.sema.accounts.Hold;
import dev.sema.accounts.KeyLimits;
import dev.sema.accounts.Quotas;
import dev.sema.api.CharacterCost;
import dev.sema.api.SubjectAccounts;
import dev.sema.guard.ClientIdentity;
import dev.sema.guard.RateLimits;
import dev.sema.identity.TokenConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.Optional;

/**
 * API keys on the metered endpoints (translate, batch, detect: those under {@link RateLimited}). Before the rate
 * limiter, the request filter hands the identity and request limits of the key that {@link AccessFilter}
 * authenticated to the limiter ({@link ClientIdentity}; a single sign-on token's subject gets the {@code sema.jwt}
 * request limits instead, and its ledger account with its roles' plan, {@link SubjectAccounts}); once the body is
 * read (and the limiter has
 * charged a batch), the reader interceptor reserves its characters; the response filter hands over how the request
 * ended: charged if it succeeded (recorded in a later batch, so the response does not wait for the database),
 * released otherwise (errors, timeouts). Anonymous requests pass untouched.
 */
@Provider
@RateLimited
@Priority(FilterOrder.API_KEY)
public class ApiKeyFilter implements ContainerRequestFilter, ReaderInterceptor, ContainerResponseFilter {

    private static final String KEY = ApiKeyFilter.class.getName() + ".key";
    private static final String HOLD = ApiKeyFilter.class.getName() + ".hold";

    // Field injection: the JAX-RS runtime creates providers (Liberty makes them CDI beans).
    @Inject
    Quotas quotas;
    @Inject
    TokenConfig tokenConfig;
    @Inject
    SubjectAccounts subjects;
    @Inject
    AccountsConfig accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(Caller.PROPERTY) instanceof Caller caller && caller.key() != null) {
            ApiKey key = caller.key();
            request.setProperty(KEY, key);
            request.setProperty(ClientIdentity.PROPERTY, new ClientIdentity("key:" + key.id(),
                    rateLimits(key.limits())));
        } else if (request.getProperty(Caller.PROPERTY) instanceof Caller caller && caller.token() != null) {
            // A token's subject is metered in its own account, and rate limited by the sema.jwt limits.
            if (accounts.enabled()) {
                request.setProperty(KEY, subjects.of(caller.token()));
            }
            request.setProperty(ClientIdentity.PROPERTY, new ClientIdentity(caller.actor(),
                    new RateLimits(tokenConfig.requestsPerMinute(), tokenConfig.requestsPerHour())));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (context.getProperty(KEY) instanceof ApiKey key) {
            long characters = entity instanceof CharacterCost cost ? cost.characterCost() : 0;
            context.setProperty(HOLD, quotas.reserve(key, characters));
        }
        return entity;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(HOLD) instanceof Hold hold) {
            request.removeProperty(HOLD);
            quotas.finish(hold, response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL);
        }
    }

    /**
     * Takes the request's hold out of this filter's hands, for a response that settles it itself: a stream's response
     * filters run when its first event goes out, long before it is known how much of it the client received. JAX-RS
     * request properties are the servlet request's attributes.
     *
     * @return the hold, if the request has an API key
     */
    public static Optional<Hold> detachHold(HttpServletRequest request) {
        Object hold = request.getAttribute(HOLD);
        request.removeAttribute(HOLD);
        return hold instanceof Hold h ? Optional.of(h) : Optional.empty();
    }

    /** A key without request limits is not rate limited at all (0 switches a window off). */
    private static RateLimits rateLimits(KeyLimits limits) {
        return new RateLimits(orZero(limits.requestsPerMinute()), orZero(limits.requestsPerHour()));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
