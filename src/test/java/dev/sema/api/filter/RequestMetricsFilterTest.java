package dev.sema.api.filter;

import dev.sema.api.error.ApiError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestMetricsFilterTest {

    @Path("/api/v1/languages")
    static class Languages {
        @GET
        @Path("{language_code}")
        public String one() {
            return "";
        }

        @GET
        @Path("/region/{region: [A-Za-z ]+}/")
        public String region() {
            return "";
        }

        @GET
        public String all() {
            return "";
        }
    }

    @Path("/")
    static class Root {
        @POST
        @Path("translate")
        public String translate() {
            return "";
        }

        @GET
        public String home() {
            return "";
        }
    }

    @Test
    void endpointIsTheRouteTemplateWithRegexesDropped() throws Exception {
        assertEquals("/api/v1/languages/{language_code}",
                RouteTemplates.of(Languages.class, Languages.class.getMethod("one")));
        assertEquals("/api/v1/languages/region/{region}",
                RouteTemplates.of(Languages.class, Languages.class.getMethod("region")));
        assertEquals("/api/v1/languages",
                RouteTemplates.of(Languages.class, Languages.class.getMethod("all")));
        assertEquals("/translate", RouteTemplates.of(Root.class, Root.class.getMethod("translate")));
        assertEquals("/", RouteTemplates.of(Root.class, Root.class.getMethod("home")));
    }

    @Test
    void errorTypesAreBoundedSlugsDerivedFromTheStatus() {
        assertEquals("not_found", RequestMetricsFilter.errorType(404));
        assertEquals("too_many_requests", RequestMetricsFilter.errorType(429));
        assertEquals("service_unavailable", RequestMetricsFilter.errorType(503));
        assertEquals("http_422", RequestMetricsFilter.errorType(422));
        assertEquals("rate_limited", RequestMetricsFilter.errorType(ApiError.of("rate_limited", "slow down"), 429),
                "the error body's code wins over the status");
        assertEquals("not_found", RequestMetricsFilter.errorType("<html>", 404));
        assertEquals("not_found", RequestMetricsFilter.errorType(java.util.Map.of("error", "x"), 404),
                "only the one error shape counts");
    }
}
