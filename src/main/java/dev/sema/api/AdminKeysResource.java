package dev.sema.api;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.AccountsOffException;
import dev.sema.accounts.ApiKey;
import dev.sema.accounts.KeyAdministration;
import dev.sema.accounts.NewKey;
import dev.sema.accounts.Scope;
import dev.sema.api.dto.ApiKeyInfo;
import dev.sema.api.dto.ApiKeyList;
import dev.sema.api.dto.CreateApiKeyRequest;
import dev.sema.api.dto.KeyUsageHistory;
import dev.sema.api.dto.UsageResponse;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.filter.RequiresScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * API key administration, scope {@code admin:keys}: the admin token ({@code sema.admin-token}; without one these
 * routes do not exist) or a key holding the scope.
 * A key's secret is in the 201 that creates it and nowhere else, ever. Creating, changing and revoking append to the
 * audit trail in the same transaction.
 */
@Path("/api/v1/admin/keys")
@Tag(name = "Administration")
@SecurityRequirement(name = "adminToken")
@SecurityRequirement(name = "jwt")
@RequiresScope(Scope.ADMIN_KEYS)
// every operation's shared failures; each method adds its own
@APIResponse(responseCode = "401", ref = "AdminUnauthorized")
@APIResponse(responseCode = "403", ref = "AdminForbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@APIResponse(responseCode = "503", ref = "AccountsUnavailable")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminKeysResource {

    private static final Pattern KEY_ID = Pattern.compile("key_[0-9a-f]{16}");
    /** Longest history one request may ask for. */
    static final int MAX_DAYS = 366;

    private final KeyAdministration keys;
    private final AccountsConfig config;
    private final RequestTrace trace;

    @Inject
    public AdminKeysResource(KeyAdministration keys, AccountsConfig config, RequestTrace trace) {
        this.keys = keys;
        this.config = config;
        this.trace = trace;
    }

    /** For the CDI client proxy only. */
    protected AdminKeysResource() {
        this(null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "Answers the key with its secret (`key`: sema_ + 32"
            + " random bytes, base64url), shown this once; only its SHA-256 is stored. Limits are optional (absent:"
            + " unlimited), so are scopes (absent: every non-admin scope). With sema.signing-kek set, also the key's"
            + " signing_secret for signed requests, shown this once and stored sealed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateApiKeyRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the key.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyInfo.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(CreateApiKeyRequest request) {
        requireAccounts();
        NewKey created = keys.create(KeyRequests.create(request), trace.actor());
        ApiKeyInfo body = ApiKeyInfo.created(created, Instant.now());
        return Response.created(URI.create("/api/v1/admin/keys/" + created.key().id()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @GET
    @Operation(summary = "List API keys", description = "Every key, revoked ones included, oldest first; no"
            + " secrets.")
    @APIResponse(responseCode = "200", description = "The keys.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyList.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiKeyList list() {
        requireAccounts();
        Instant now = Instant.now();
        return new ApiKeyList(keys.list().stream().map(k -> ApiKeyInfo.of(k, now, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One API key", description = "Its settings and its usage in the current UTC day and month.")
    @APIResponse(responseCode = "200", description = "The key.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyInfo.class)))
    @APIResponse(responseCode = "404", ref = "UnknownKey")
    public ApiKeyInfo get(@PathParam("id") String id) {
        requireAccounts();
        ApiKey key = keys.get(keyId(id));
        return ApiKeyInfo.of(key, Instant.now(), UsageResponse.of(key.id(), keys.usage(key)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an API key", description = "JSON merge patch of name, enabled, expires_at, scopes,"
            + " allowed_ips, require_signature and the four limits: absent fields stay, null removes a limit or the"
            + " expiry, or resets the scopes to every non-admin scope. Takes effect at once on this server, within"
            + " sema.api-key-cache-seconds on the others.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateApiKeyRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed key.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyInfo.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "UnknownKey")
    @APIResponse(responseCode = "409", description = "The key is revoked (key_revoked); revocation is final.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public ApiKeyInfo update(@PathParam("id") String id, String body) {
        requireAccounts();
        String keyId = keyId(id);
        return ApiKeyInfo.of(keys.update(keyId, KeyRequests.patch(body), trace.actor()), Instant.now(), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "For good (idempotent); the key and its usage history"
            + " stay listed with status revoked. Takes effect at once on this server, within"
            + " sema.api-key-cache-seconds on the others.")
    @APIResponse(responseCode = "200", description = "The revoked key.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyInfo.class)))
    @APIResponse(responseCode = "404", ref = "UnknownKey")
    public ApiKeyInfo revoke(@PathParam("id") String id) {
        requireAccounts();
        return ApiKeyInfo.of(keys.revoke(keyId(id), trace.actor()), Instant.now(), null);
    }

    @GET
    @Path("/{id}/usage")
    @Operation(summary = "Usage per day", description = "Characters and requests per UTC day from `from` to `to`"
            + " inclusive (default: the last 30 days); at most " + MAX_DAYS + " days.")
    @APIResponse(responseCode = "200", description = "The days with traffic.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyUsageHistory.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "UnknownKey")
    public KeyUsageHistory usage(@PathParam("id") String id,
                                 @Parameter(description = "First day, YYYY-MM-DD (UTC).", example = "2026-11-01")
                                 @QueryParam("from") String from,
                                 @Parameter(description = "Last day, YYYY-MM-DD (UTC); default today.",
                                         example = "2026-11-30") @QueryParam("to") String to) {
        requireAccounts();
        String keyId = keyId(id);
        LocalDate last = to == null ? keys.today() : date("to", to);
        LocalDate first = from == null ? last.minusDays(29) : date("from", from);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            throw RequestChecks.invalid(400, "invalid_value", "from", "'from' must not be after 'to', and the range"
                    + " is at most " + MAX_DAYS + " days.", "at most " + MAX_DAYS + " days before 'to'");
        }
        return new KeyUsageHistory(keyId, first.toString(), last.toString(), keys.days(keyId, first, last).stream()
                .map(d -> new KeyUsageHistory.Day(d.date().toString(), d.characters(), d.requests())).toList());
    }

    private void requireAccounts() {
        if (!config.enabled()) {
            throw new AccountsOffException();
        }
    }

    /** Ids have one shape; anything else is unknown without echoing it or asking the database. */
    private static String keyId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new ApiException(404, "unknown_key", "No API key with that id.");
        }
        return id;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw RequestChecks.invalid(400, "invalid_value", field, "'" + field + "' must be a date, YYYY-MM-DD.",
                    "YYYY-MM-DD");
        }
    }
}
