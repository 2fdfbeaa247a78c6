package dev.sema.api;

import dev.sema.accounts.AuditEvent;
import dev.sema.accounts.Scope;
import dev.sema.api.dto.AdminModel;
import dev.sema.api.dto.AdminModelsResponse;
import dev.sema.api.dto.ReloadRequest;
import dev.sema.api.dto.ReloadResponse;
import dev.sema.api.dto.ReplicaInfo;
import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import dev.sema.api.filter.RequiresScope;
import dev.sema.fleet.Fleet;
import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelUpdateScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Model administration: see the model slots of every replica, reload models without a restart on every replica.
 * Needs scope {@code admin:models}: the bearer token in {@code sema.admin-token}, or a key holding the scope;
 * without an admin token these routes do not exist.
 *
 * <p>With Redis ({@code sema.redis-url}) a reload asked of any replica is started here, then ordered to the others
 * through the {@link Fleet}; each swaps its models atomically on its own. {@code ?wait=true} waits for this
 * replica's reload only: the others report theirs in {@code GET} (state, revision, commit of every replica).
 */
@Path("/api/v1/admin/models")
@Tag(name = "Administration")
@SecurityScheme(securitySchemeName = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token in sema.admin-token (SEMA_ADMIN_TOKEN), which holds every scope, or an API key"
                + " holding the route's admin scope (admin:keys, admin:models).")
@SecurityRequirement(name = "adminToken")
@SecurityRequirement(name = "jwt")
@RequiresScope(Scope.ADMIN_MODELS)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminResource {

    private final ModelRegistry registry;
    private final ModelUpdateScheduler updates;
    private final Fleet fleet;
    private final int waitSeconds;
    private final AuditRecorder audit;
    private final RequestTrace trace;

    @Inject
    public AdminResource(ModelRegistry registry, ModelUpdateScheduler updates, Fleet fleet, ApiConfig config,
                         AuditRecorder audit, RequestTrace trace) {
        this.registry = registry;
        this.updates = updates;
        this.fleet = fleet;
        this.waitSeconds = config.adminReloadWaitSeconds();
        this.audit = audit;
        this.trace = trace;
    }

    /** For the CDI client proxy only. */
    protected AdminResource() {
        this.registry = null;
        this.updates = null;
        this.fleet = null;
        this.waitSeconds = 0;
        this.audit = null;
        this.trace = null;
    }

    @GET
    @Operation(summary = "Model slots and replicas", description = "This replica's slots (state, source: repo,"
            + " revision, commit, variant, content id; load time, live model count), the periodic update check, and"
            + " the live replicas of the fleet with their slots (from Redis, each replica's heartbeat; without Redis"
            + " this replica alone). 404 unless sema.admin-token is set; the admin token or a key with scope"
            + " admin:models.")
    @APIResponse(responseCode = "200", description = "The slots.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminModelsResponse.class)))
    @APIResponse(responseCode = "401", ref = "AdminUnauthorized")
    @APIResponse(responseCode = "403", ref = "AdminForbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public AdminModelsResponse slots() {
        ModelUpdateScheduler.LastCheck last = updates.lastCheck();
        Fleet.View view = fleet.view();
        return new AdminModelsResponse(models(), new AdminModelsResponse.UpdateCheckInfo(updates.intervalSeconds(),
                updates.problem(), last == null ? null : last.at().toString(), last == null ? null : last.outcome()),
                view.source().name().toLowerCase(Locale.ROOT),
                view.replicas().stream().map(r -> ReplicaInfo.of(r, view.self())).toList());
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Reload models on every replica", description = "Loads the models again (from the Hub at the"
            + " given revision, or the configured source) in the background while the current ones keep serving,"
            + " then swaps them; replaced models close once their requests finish. A failed reload leaves the old"
            + " model serving. With Redis (sema.redis-url) the same reload is ordered to every other replica, each"
            + " swapping on its own (fleet, replicas_notified); GET shows their progress. 202 at once, or with"
            + " ?wait=true 200 when this replica's new models serve. 404 unless sema.admin-token is set; the admin"
            + " token or a key with scope admin:models.")
    @APIResponse(responseCode = "200", description = "?wait=true: the new models serve.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReloadResponse.class)))
    @APIResponse(responseCode = "202", description = "Reload started (or still running when ?wait=true gave up).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReloadResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "AdminUnauthorized")
    @APIResponse(responseCode = "403", ref = "AdminForbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "A reload of that model is already running (reload_in_progress).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "502", description = "?wait=true: the reload failed (reload_failed, with the"
            + " reason); the previous model keeps serving.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "500", ref = "InternalError")
    public Response reload(@Parameter(description = "Wait for this replica's reload to finish (at most"
                                   + " sema.admin-reload-wait-s seconds); the other replicas' are not waited for.")
                           @QueryParam("wait")
                           @DefaultValue("false") boolean wait,
                           @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = ReloadRequest.class))) ReloadRequest request) {
        ReloadRequest asked = request == null ? new ReloadRequest(null, null) : request;
        ModelReloads reloads = ModelReloads.start(registry, asked);
        audit.record(trace.actor(), AuditEvent.MODELS_RELOADED, String.join(",", reloads.slots()),
                AuditEvent.Outcome.SUCCESS, asked.revision() == null ? "" : "revision " + asked.revision());
        Fleet.Broadcast broadcast = fleet.orderReload(reloads.slots(), Optional.ofNullable(asked.revision()));
        if (!wait) {
            return reply(202, "accepted", reloads.slots(), broadcast);
        }
        if (!reloads.await(waitSeconds)) {
            return reply(202, "running", reloads.slots(), broadcast);
        }
        String failures = reloads.failures();
        if (!failures.isEmpty()) {
            throw new ApiException(502, ApiError.of("reload_failed", "The reload failed, the previous model keeps"
                    + " serving. " + failures).withModels(models()), Map.of());
        }
        return reply(200, "completed", reloads.slots(), broadcast);
    }

    private Response reply(int status, String state, List<String> slots, Fleet.Broadcast broadcast) {
        boolean sent = broadcast.source() == Fleet.Source.SHARED;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ReloadResponse(state, slots, models(), sent ? "sent"
                        : broadcast.source().name().toLowerCase(Locale.ROOT), sent ? broadcast.heard() : null))
                .build();
    }

    private List<AdminModel> models() {
        return List.of(AdminModel.of(registry.translation()), AdminModel.of(registry.languageIdentification()));
    }
}
