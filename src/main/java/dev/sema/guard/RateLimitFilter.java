package dev.sema.guard;

import dev.sema.observability.EventLog;
import dev.sema.observability.SemaMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Enforces {@link RateLimiter} on {@link RateLimited} methods. The request filter charges one request before
 * anything else happens; the reader interceptor charges the rest of a {@link RateLimitCost} body (a batch)
 * as soon as it is parsed; the response filter copies the RateLimit headers of the last decision onto the
 * response. A rejection is a 429 {@code rate_limited} ApiException carrying the same headers plus Retry-After.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter, ReaderInterceptor {

    static final String CLIENT = RateLimitFilter.class.getName() + ".client";
    static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    // Field injection: the JAX-RS runtime creates providers (Liberty makes them CDI beans), and @Context
    // proxies are only offered to fields.
    @Inject
    RateLimiter limiter;
    @Inject
    ClientResolver clients;
    @Inject
    SemaMetrics metrics;
    @Inject
    EventLog events;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        // An authenticated key (ClientIdentity, set by the API key filter that runs first) brings its own limits;
        // everyone else is an IP address under the configured ones.
        ClientIdentity identity = request.getProperty(ClientIdentity.PROPERTY) instanceof ClientIdentity key ? key
                : new ClientIdentity(clients.resolve(servletRequest.getRemoteAddr(), headers(request, "Forwarded"),
                        headers(request, "X-Forwarded-For")), limiter.defaults());
        if (!identity.limits().limited()) {
            return;
        }
        request.setProperty(CLIENT, identity);
        charge(identity, 1, 1, request::setProperty);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity instanceof RateLimitCost cost && cost.rateLimitCost() > 1
                && context.getProperty(CLIENT) instanceof ClientIdentity client) {
            // the request filter already charged one of them
            charge(client, cost.rateLimitCost() - 1L, cost.rateLimitCost(), context::setProperty);
        }
        return entity;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
            decision.headers().forEach(response.getHeaders()::putSingle);
        }
    }

    /** Takes {@code tokens} of quota for a request costing {@code requested} in all; throws the 429. */
    private void charge(ClientIdentity client, long tokens, long requested, BiConsumer<String, Object> properties) {
        RateLimitDecision decision = limiter.consume(client.client(), client.limits(), tokens);
        properties.accept(DECISION, decision);
        if (!decision.allowed()) {
            metrics.recordRateLimited();
            events.rateLimited(client.client(), requested, decision.limit(), decision.window());
            throw decision.toException(requested);
        }
    }

    private static List<String> headers(ContainerRequestContext request, String name) {
        List<String> values = request.getHeaders().get(name);
        return values == null ? List.of() : values;
    }
}
