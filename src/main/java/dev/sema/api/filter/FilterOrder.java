package dev.sema.api.filter;

import jakarta.ws.rs.Priorities;

/**
 * The order in which the edge's filters see a request, in one place. JAX-RS runs request filters in ascending
 * priority and response filters in descending priority, so the first request filter is the last response
 * filter. Pre-matching filters run before routing, the others after it.
 *
 * <p>Before all of them, the servlet filter {@link MediaTypeHeaders} refuses unparsable {@code Content-Type} /
 * {@code Accept} headers, which the JAX-RS runtime would otherwise fail on before any of this runs.
 */
public final class FilterOrder {

    /** 1. Give the request its id before anything can fail, so error bodies carry it ({@link RequestIdFilter}). */
    public static final int REQUEST_ID = Priorities.AUTHENTICATION - 500;
    /** 2. Route {@code /translate} to {@code /api/v1/translate} before matching ({@link VersionPrefixFilter}). */
    public static final int VERSION_PREFIX = Priorities.AUTHENTICATION - 400;
    /** 3. Answer CORS preflights before routing ({@link CorsFilter}). */
    public static final int CORS = Priorities.AUTHENTICATION - 300;
    /** 4. Start the request clock, so the duration includes the filters below ({@link RequestMetricsFilter}). */
    public static final int METRICS = Priorities.AUTHENTICATION - 200;
    /** 5. Refuse oversized or non-JSON bodies from the headers alone ({@link RequestLimits}). */
    public static final int REQUEST_LIMITS = Priorities.AUTHENTICATION - 100;
    /**
     * 6. Authenticate the caller and check the scope the route needs, before any body is read or quota charged
     * ({@link AccessFilter}).
     */
    public static final int ACCESS = Priorities.AUTHENTICATION - 50;
    /**
     * 6a. Check the signature of a key that must sign, over the body it reads here, before any other filter acts on
     * the request ({@link SignatureFilter}).
     */
    public static final int SIGNATURE = Priorities.AUTHENTICATION - 40;
    /**
     * 6b. Answer a retry with an {@code Idempotency-Key} from the first answer, before its body is charged or counted
     * by the rate limiter ({@link IdempotencyFilter}).
     */
    public static final int IDEMPOTENCY = Priorities.AUTHENTICATION - 25;
    /**
     * 7. The outermost reader interceptor: nothing reads a body before its size and shape are checked
     * ({@link RequestBodyLimits}).
     */
    public static final int BODY_LIMITS = Priorities.AUTHENTICATION;
    /**
     * 8. Hand the authenticated key's identity and limits to the rate limiter; as a reader
     * interceptor it runs beside {@link #BODY_LIMITS} ({@link ApiKeyFilter}).
     */
    public static final int API_KEY = Priorities.AUTHENTICATION;
    /** 9. Charge the client's quota on rate-limited routes ({@link RateLimitFilter}). */
    public static final int RATE_LIMIT = Priorities.AUTHORIZATION;
    /** Last response filter: the log line and {@code X-Response-Time} see the final reply ({@link AccessLogFilter}). */
    public static final int ACCESS_LOG = 1;

    private FilterOrder() {
    }
}
