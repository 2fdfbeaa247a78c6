package dev.sema.api.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The translator page at {@code /} and its files at {@code /ui/*}. The JAX-RS application owns every path of the
 * root context ({@code @ApplicationPath("/")} maps it to {@code /*}), so the servlet container's static file
 * serving never sees a request; this resource serves the page's files itself, which also gives them the request id,
 * access log and metrics of every other route, and one place for their security headers.
 */
@Path("/")
@ApplicationScoped
public class WebPageResource {

    /** Everything the page loads comes from this server: no inline script or style, no other origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'";

    private final WebAssets assets;

    @Inject
    public WebPageResource(WebAssets assets) {
        this.assets = assets;
    }

    /** For the CDI client proxy only. */
    protected WebPageResource() {
        this(null);
    }

    @GET
    @Operation(hidden = true)
    public Response page(@Context Request request) {
        return serve(assets.page(), request);
    }

    @GET
    @Path("ui/{file}")
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file, @Context Request request) {
        return serve(assets.asset(file).orElseThrow(NotFoundException::new), request);
    }

    /** 304 when the browser's copy is current; {@code no-cache} makes it ask each time, so an upgrade shows at once. */
    private static Response serve(WebAssets.Asset asset, Request request) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(asset.etag());
        Response.ResponseBuilder response = notModified != null ? notModified
                : Response.ok(asset.content(), asset.mediaType());
        return response.tag(asset.etag())
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
