package dev.sema.api.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Sema served every route twice, as {@code /X} and {@code /api/v1/X}. Resources are declared once under
 * {@code /api/v1} (so OpenAPI lists each route once) and this filter routes the unversioned spelling there.
 * {@code /health} is not rewritten: MicroProfile Health owns it.
 */
@Provider
@PreMatching
@Priority(FilterOrder.VERSION_PREFIX)
public class VersionPrefixFilter implements ContainerRequestFilter {

    public static final String PREFIX = "/api/v1";
    private static final Pattern UNVERSIONED = Pattern.compile("^/(translate|detect-language|languages|status)(/.*)?$");

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null && UNVERSIONED.matcher(path).matches()) {
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            URI base = request.getUriInfo().getBaseUri();
            request.setRequestUri(base, base.resolve(PREFIX.substring(1) + path + query));
        }
    }
}
