package dev.sema.api.audit;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.AccountsOffException;
import dev.sema.accounts.AuditQuery;
import dev.sema.accounts.AuditTrail;
import dev.sema.accounts.Scope;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RequiresScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The audit trail, read only (scope {@code admin:audit}): there is no route that changes or deletes it; rows leave
 * only by age ({@code sema.audit-retention}).
 */
@Path("/api/v1/admin/audit")
@Tag(name = "Administration")
@SecurityRequirement(name = "adminToken")
@SecurityRequirement(name = "jwt")
@RequiresScope(Scope.ADMIN_AUDIT)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AuditResource {

    static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;
    private final AccountsConfig config;

    @Inject
    public AuditResource(AuditTrail audit, AccountsConfig config) {
        this.audit = audit;
        this.config = config;
    }

    /** For the CDI client proxy only. */
    protected AuditResource() {
        this(null, null);
    }

    @GET
    @Operation(summary = "Read the audit trail", description = "Admin actions (key.created, key.updated,"
            + " key.revoked, models.reloaded) and denied admin attempts (admin.denied), oldest first, filtered by"
            + " time, actor and action, a page at a time: pass next_after as ?after= for the next page.")
    @APIResponse(responseCode = "200", description = "A page of events.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEventList.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "AdminUnauthorized")
    @APIResponse(responseCode = "403", ref = "AdminForbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "AccountsUnavailable")
    public AuditEventList events(
            @Parameter(description = "First instant included, ISO-8601 with offset.", example = "2026-12-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "First instant excluded, ISO-8601 with offset.", example = "2026-12-08T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "Only this actor (a key id, admin_token, anonymous, unknown).")
            @QueryParam("actor") String actor,
            @Parameter(description = "Only this action.", example = "key.updated") @QueryParam("action") String action,
            @Parameter(description = "The cursor: next_after of the previous page.") @QueryParam("after") String after,
            @Parameter(description = "Events per page, 1 to " + MAX_LIMIT + "; default 100.") @QueryParam("limit")
            String limit) {
        if (!config.enabled()) {
            throw new AccountsOffException();
        }
        long pageSize = number("limit", limit, 100, 1, MAX_LIMIT);
        long cursor = number("after", after, 0, 0, Long.MAX_VALUE);
        var page = audit.page(new AuditQuery(instant("from", from), instant("to", to), actor, action, cursor,
                (int) pageSize));
        return new AuditEventList(page.events().stream().map(AuditEventInfo::of).toList(), page.nextAfter());
    }

    private static long number(String field, String value, long absent, long min, long max) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RequestChecks.invalid(400, "invalid_value", field, "'" + field + "' must be an integer from " + min
                + " to " + max + ".", min + " to " + max);
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw RequestChecks.invalid(400, "invalid_value", field, "'" + field + "' must be an ISO-8601 date-time"
                    + " with offset, e.g. 2026-12-01T00:00:00Z.", "ISO-8601 date-time with offset");
        }
    }
}
