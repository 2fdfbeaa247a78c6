package dev.sema.api.filter;

import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import dev.sema.guard.ClientIdentity;
import dev.sema.guard.ClientResolver;
import dev.sema.guard.RateLimitDecision;
import dev.sema.guard.RateLimiter;
import dev.sema.observability.EventLog;
import dev.sema.observability.SemaMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Enforces {@link RateLimiter} on {@link RateLimited} methods. The request filter charges one request before
 * anything else happens; the reader interceptor charges the rest of a {@link RateLimitCost} body (a batch)
 * as soon as it is parsed; the response filter copies the RateLimit headers of the last decision onto the
 * response. A rejection is a 429 {@code rate_limited} ApiException carrying the same headers plus Retry-After.
 */
@Provider
@RateLimited
@Priority(FilterOrder.RATE_LIMIT)
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
                : new ClientIdentity(RequestAddress.client(clients, servletRequest, request), limiter.defaults());
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
            headers(decision).forEach(response.getHeaders()::putSingle);
        }
    }

    /** Takes {@code tokens} of quota for a request costing {@code requested} in all; throws the 429. */
    private void charge(ClientIdentity client, long tokens, long requested, BiConsumer<String, Object> properties) {
        RateLimitDecision decision = limiter.consume(client.client(), client.limits(), tokens);
        properties.accept(DECISION, decision);
        if (!decision.allowed()) {
            metrics.recordRateLimited();
            events.rateLimited(client.client(), requested, decision.limit(), decision.window());
            throw refusal(decision, requested);
        }
    }

    /** The IETF RateLimit headers of the window that binds first, and Retry-After on a refusal that can pass later. */
    static Map<String, String> headers(RateLimitDecision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Long.toString(decision.limit()));
        headers.put("RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.put("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed() && decision.retryAfterSeconds() >= 0) {
            headers.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
        return headers;
    }

    /** The 429 the client sees, with the RateLimit headers and Retry-After of the refusing window. */
    static ApiException refusal(RateLimitDecision decision, long requested) {
        String detail = decision.retryAfterSeconds() < 0
                ? "This request needs " + requested + " requests of quota but the limit is " + decision.limit()
                  + " per " + decision.window() + "; split it into smaller batches."
                : "Rate limit exceeded: " + decision.limit() + " per " + decision.window() + ". Retry after "
                  + decision.retryAfterSeconds() + " s.";
        return new ApiException(429, ApiError.of("rate_limited", detail), headers(decision));
    }
}
