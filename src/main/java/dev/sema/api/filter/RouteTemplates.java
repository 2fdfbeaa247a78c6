package dev.sema.api.filter;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The route template of a resource method, e.g. {@code /api/v1/languages/{code}}, as metrics and the access log
 * label requests (never the concrete path, which may hold client input and has no bound). Computed once per
 * resource method: every request needs it, and building it takes regular expressions.
 */
public final class RouteTemplates {

    private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
    private static final Pattern SLASHES = Pattern.compile("/+");
    private static final Map<Route, String> TEMPLATES = new ConcurrentHashMap<>();

    private RouteTemplates() {
    }

    /** The template of the resource method that took the request; {@code unmatched} when none did. */
    public static String of(ResourceInfo resource) {
        return resource == null ? "unmatched" : of(resource.getResourceClass(), resource.getResourceMethod());
    }

    /**
     * Class and method {@code @Path}s joined, regular expressions in parameters dropped
     * ({@code {code: [a-z]+}} → {@code {code}}); {@code unmatched} when no resource method took the request.
     */
    public static String of(Class<?> resourceClass, Method method) {
        if (method == null) {
            return "unmatched";
        }
        return TEMPLATES.computeIfAbsent(new Route(resourceClass, method), RouteTemplates::template);
    }

    private static String template(Route route) {
        StringBuilder template = new StringBuilder();
        Path classPath = route.type() == null ? null : route.type().getAnnotation(Path.class);
        Path methodPath = route.method().getAnnotation(Path.class);
        for (Path path : new Path[]{classPath, methodPath}) {
            if (path != null) {
                template.append('/').append(path.value());
            }
        }
        String normalised = SLASHES.matcher(PARAMETER_REGEX.matcher(template).replaceAll("{$1}")).replaceAll("/");
        if (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised.isEmpty() ? "/" : normalised;
    }

    private record Route(Class<?> type, Method method) {
    }
}
