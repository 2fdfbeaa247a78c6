package dev.sema.api;

import dev.sema.api.dto.HealthResponse;
import dev.sema.api.dto.ModelInfo;
import dev.sema.models.ModelStatus;
import dev.sema.observability.ModelsOverview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Sema's own health shape. Orchestrators should use MicroProfile Health ({@code /health/ready},
 * {@code /health/live}, {@code /health/started}); these endpoints keep Sema's clients working.
 */
@Path("/api/v1")
@Tag(name = "Health & Monitoring")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class StatusResource {

    private final ModelsOverview models;
    private final ApiConfig config;

    @Inject
    public StatusResource(ModelsOverview models, ApiConfig config) {
        this.models = models;
        this.config = config;
    }

    /** For the CDI client proxy only. */
    protected StatusResource() {
        this(null, null);
    }

    @GET
    @Path("/status")
    @Operation(summary = "Basic status", description = "Always 200; status is healthy when every model is loaded,"
            + " degraded otherwise. Also served at /status.")
    @APIResponse(responseCode = "200", description = "Status.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthResponse.class)))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public HealthResponse status() {
        return health("degraded");
    }

    @GET
    @Path("/health")
    @Operation(summary = "Detailed health", description = "200 healthy when every model is loaded, else 503"
            + " unhealthy (with the same body). The unversioned /health is MicroProfile Health.")
    @APIResponse(responseCode = "200", description = "Healthy.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthResponse.class)))
    @APIResponse(responseCode = "503", description = "A model is not loaded.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HealthResponse.class)))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public Response health() {
        HealthResponse health = health("unhealthy");
        return Response.status(health.modelsLoaded() ? 200 : 503).entity(health).build();
    }

    private HealthResponse health(String notReadyStatus) {
        List<ModelStatus> statuses = models.statuses();
        boolean ready = models.allReady(statuses);
        return new HealthResponse(ready ? "healthy" : notReadyStatus, config.version(), ready, models.uptimeSeconds(),
                Timestamps.now(), statuses.stream().map(ModelInfo::from).toList());
    }
}
