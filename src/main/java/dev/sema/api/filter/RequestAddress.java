package dev.sema.api.filter;

import dev.sema.guard.ClientResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.List;

/** The client address of a request, as the trusted-proxy rules ({@link ClientResolver}) decide it. */
final class RequestAddress {

    private RequestAddress() {
    }

    static String of(ClientResolver clients, HttpServletRequest servletRequest, ContainerRequestContext request) {
        return clients.clientAddress(servletRequest.getRemoteAddr(), headers(request, "Forwarded"),
                headers(request, "X-Forwarded-For"));
    }

    /** As {@link ClientResolver#resolve}: the rate limiter's client name. */
    static String client(ClientResolver clients, HttpServletRequest servletRequest, ContainerRequestContext request) {
        return clients.resolve(servletRequest.getRemoteAddr(), headers(request, "Forwarded"),
                headers(request, "X-Forwarded-For"));
    }

    private static List<String> headers(ContainerRequestContext request, String name) {
        List<String> values = request.getHeaders().get(name);
        return values == null ? List.of() : values;
    }
}
