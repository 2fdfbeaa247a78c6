package dev.sema.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * Sema (FastAPI) served its Swagger UI at {@code /docs} and its document at {@code /openapi.json}; both now point at
 * MP OpenAPI. The root itself is the translator page ({@code dev.sema.api.web.WebPageResource}).
 */
@Path("/")
@ApplicationScoped
public class RootResource {

    @GET
    @Path("docs")
    @Operation(hidden = true)
    public Response docs() {
        return Response.seeOther(URI.create("/openapi/ui/")).build();
    }

    @GET
    @Path("openapi.json")
    @Operation(hidden = true)
    public Response openApiJson() {
        return Response.seeOther(URI.create("/openapi?format=JSON")).build();
    }
}
