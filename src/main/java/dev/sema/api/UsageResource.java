package dev.sema.api;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.AccountsOffException;
import dev.sema.accounts.ApiKey;
import dev.sema.accounts.ApiKeyRequiredException;
import dev.sema.accounts.KeyAdministration;
import dev.sema.accounts.KeyAuthenticator;
import dev.sema.accounts.Period;
import dev.sema.accounts.PeriodUsage;
import dev.sema.accounts.Scope;
import dev.sema.api.dto.UsageResponse;
import dev.sema.api.error.ApiException;
import dev.sema.api.filter.Caller;
import dev.sema.api.filter.RequiresScope;
import dev.sema.identity.TokenConfig;
import dev.sema.identity.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** A key's or a single sign-on subject's own usage and quotas, like DeepL's {@code /v2/usage}. */
@Path("/api/v1/usage")
@Tag(name = "Usage")
@RequiresScope(Scope.USAGE)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UsageResource {

    private final KeyAuthenticator authenticator;
    private final KeyAdministration keys;
    private final AccountsConfig config;
    private final TokenConfig tokens;
    private final SubjectAccounts subjects;

    @Inject
    public UsageResource(KeyAuthenticator authenticator, KeyAdministration keys, AccountsConfig config,
                         TokenConfig tokens, SubjectAccounts subjects) {
        this.authenticator = authenticator;
        this.keys = keys;
        this.config = config;
        this.tokens = tokens;
        this.subjects = subjects;
    }

    /** For the CDI client proxy only. */
    protected UsageResource() {
        this(null, null, null, null, null);
    }

    @GET
    @Operation(summary = "Usage of the calling key or token subject", description = "Characters (code points of"
            + " source texts) and requests served with the key, or for a single sign-on token's subject (key_id"
            + " tok_…, quotas from sema.jwt.role-plans), in the current UTC day and calendar month, with the quotas"
            + " and when they renew.")
    @APIResponse(responseCode = "200", description = "The usage.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UsageResponse.class)))
    @APIResponse(responseCode = "401", ref = "ApiKeyRejected")
    @APIResponse(responseCode = "403", ref = "KeyForbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "AccountsUnavailable")
    public UsageResponse usage(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context HttpServletRequest request) {
        // JAX-RS request properties, where AccessFilter put the caller, are the servlet request's attributes
        ApiKey key = request.getAttribute(Caller.PROPERTY) instanceof Caller caller && caller.token() != null
                ? subjects.of(caller.token()) : key(authorization);
        return UsageResponse.of(key.id(), keys.usage(key));
    }

    /** The calling key's usage by period, for the other surfaces' usage routes (DeepL's {@code /v2/usage}). */
    public Map<Period, PeriodUsage> periods(String authorization) {
        return keys.usage(key(authorization));
    }

    private ApiKey key(String authorization) {
        if (!config.enabled()) {
            throw new AccountsOffException();
        }
        String bearer = BearerToken.of(authorization).orElseThrow(ApiKeyRequiredException::new);
        if (tokens.enabled() && TokenVerifier.looksLikeToken(bearer)) {
            // the other surfaces' usage routes take their own keys, not tokens
            throw new ApiException(404, "not_metered", "The usage of a single sign-on subject is at"
                    + " /api/v1/usage.");
        }
        return authenticator.require(bearer);
    }
}
