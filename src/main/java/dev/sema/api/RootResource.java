package dev.sema.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/** Sema served Swagger UI at {@code /} and its document at {@code /openapi.json}; both now point at MP OpenAPI. */
@Path("/")
@ApplicationScoped
public class RootResource {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/openapi/ui/")).build();
    }

    @GET
    @Path("openapi.json")
    @Operation(hidden = true)
    public Response openApiJson() {
        return Response.seeOther(URI.create("/openapi?format=JSON")).build();
    }
}
