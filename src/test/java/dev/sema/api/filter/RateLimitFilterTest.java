package dev.sema.api.filter;

import dev.sema.guard.ClientResolver;
import dev.sema.guard.ManualClock;
import dev.sema.guard.RateLimitDecision;
import dev.sema.guard.RateLimiter;
import dev.sema.guard.RateLimiters;
import dev.sema.api.error.ApiException;
import dev.sema.observability.EventLog;
import dev.sema.observability.ObservabilityConfig;
import dev.sema.observability.SemaMetrics;
import io.smallrye.metrics.SharedMetricRegistries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter's three roles (request filter, reader interceptor, response filter) driven the way a JAX-RS
 * runtime drives them, with minimal in-memory request/response contexts.
 */
class RateLimitFilterTest {

    private final ManualClock clock = new ManualClock();
    private RateLimitFilter filter;
    private MetricRegistry registry;

    @BeforeEach
    void wire() {
        registry = SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
        filter = new RateLimitFilter();
        filter.limiter = RateLimiters.alone(5, 0, 1000, clock);
        filter.clients = ClientResolver.fromConfig("127.0.0.1");
        filter.metrics = new SemaMetrics(registry);
        filter.events = new EventLog(new ObservabilityConfig(false, true));
        filter.servletRequest = proxy(HttpServletRequest.class, Map.of("getRemoteAddr", "127.0.0.1"));
    }

    @AfterAll
    static void drop() {
        SharedMetricRegistries.dropAll();
    }

    @Test
    void successfulResponsesCarryTheRateLimitHeaders() {
        Request request = new Request("198.51.100.1");
        filter.filter(request.context);
        MultivaluedMap<String, Object> headers = respond(request);
        assertEquals(List.of("5"), headers.get("RateLimit-Limit"));
        assertEquals(List.of("4"), headers.get("RateLimit-Remaining"));
        assertEquals(List.of("60"), headers.get("RateLimit-Reset"));
        assertFalse(headers.containsKey("Retry-After"));
    }

    @Test
    void theSixthRequestIsA429AndCountedInMetrics() {
        long before = rateLimitedCount();
        for (int i = 0; i < 5; i++) {
            filter.filter(new Request("198.51.100.2").context);
        }
        ApiException e = assertThrows(ApiException.class, () -> filter.filter(new Request("198.51.100.2").context));
        assertEquals(429, e.status());
        assertEquals("60", e.headers().get("Retry-After"));
        assertEquals(before + 1, rateLimitedCount());
        filter.filter(new Request("198.51.100.3").context); // another forwarded client is unaffected
    }

    @Test
    void aBatchBodyIsChargedPerTextOnceParsed() throws Exception {
        record Batch(int texts) implements RateLimitCost {
            @Override
            public int rateLimitCost() {
                return texts;
            }
        }
        Request first = new Request("198.51.100.4");
        filter.filter(first.context);
        filter.aroundReadFrom(first.reader(new Batch(3)));
        assertEquals(List.of("2"), respond(first).get("RateLimit-Remaining"));

        Request second = new Request("198.51.100.4");
        filter.filter(second.context);
        ApiException e = assertThrows(ApiException.class, () -> filter.aroundReadFrom(second.reader(new Batch(3))));
        assertEquals(429, e.status());
        assertEquals("1", e.headers().get("RateLimit-Remaining"), "the request filter's token stays spent");
    }

    private long rateLimitedCount() {
        Counter counter = registry.getCounter(new MetricID("sema_rate_limited"));
        return counter == null ? 0 : counter.getCount();
    }

    /** One request's property bag and headers, shared by the contexts the runtime would hand out. */
    private static final class Request {
        final Map<String, Object> properties = new HashMap<>();
        final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        final ContainerRequestContext context;

        Request(String forwardedFor) {
            headers.add("X-Forwarded-For", forwardedFor);
            context = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{ContainerRequestContext.class}, (p, m, args) -> switch (m.getName()) {
                        case "getHeaderString" -> headers.getFirst((String) args[0]);
                        case "getHeaders" -> headers;
                        case "getProperty" -> properties.get((String) args[0]);
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        ReaderInterceptorContext reader(Object entity) {
            return (ReaderInterceptorContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{ReaderInterceptorContext.class}, (p, m, args) -> switch (m.getName()) {
                        case "proceed" -> entity;
                        case "getProperty" -> properties.get((String) args[0]);
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private MultivaluedMap<String, Object> respond(Request request) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        filter.filter(request.context, proxy(ContainerResponseContext.class, Map.of("getHeaders", headers)));
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(RateLimitFilterTest.class.getClassLoader(), new Class<?>[]{type},
                (p, m, args) -> {
                    if (!answers.containsKey(m.getName())) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    return answers.get(m.getName());
                });
    }

    @Test
    void aBatchLargerThanTheWindowCanNeverPassAndSaysSo() {
        RateLimiter limiter = RateLimiters.alone(60, 1000, 100_000, clock);
        RateLimitDecision d = limiter.consume("c", 61);
        assertFalse(d.allowed());
        assertEquals(-1, d.retryAfterSeconds());
        assertFalse(RateLimitFilter.headers(d).containsKey("Retry-After"));
        ApiException e = RateLimitFilter.refusal(d, 61);
        assertEquals(429, e.status());
        assertEquals("rate_limited", e.code());
        assertTrue(e.detail().contains("split"), e.detail());
    }

    @Test
    void rejectionIsThe429WithRateLimitHeaders() {
        RateLimiter limiter = RateLimiters.alone(1, 0, 100_000, clock);
        limiter.consume("c", 1);
        ApiException e = RateLimitFilter.refusal(limiter.consume("c", 1), 1);
        assertEquals(429, e.status());
        assertEquals("rate_limited", e.code());
        assertEquals("1", e.headers().get("RateLimit-Limit"));
        assertEquals("0", e.headers().get("RateLimit-Remaining"));
        assertEquals("60", e.headers().get("RateLimit-Reset"));
        assertEquals("60", e.headers().get("Retry-After"));
    }
}
