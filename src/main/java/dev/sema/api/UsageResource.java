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
import dev.sema.api.filter.RequiresScope;
import dev.sema.identity.TokenConfig;
import dev.sema.identity.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** A key's own usage and quotas, like DeepL's {@code /v2/usage}. */
@Path("/api/v1/usage")
@Tag(name = "Usage")
@RequiresScope(Scope.USAGE)
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UsageResource {

    private final KeyAuthenticator authenticator;
    private final KeyAdministration keys;
    private final AccountsConfig config;
    private final TokenConfig tokens;

    @Inject
    public UsageResource(KeyAuthenticator authenticator, KeyAdministration keys, AccountsConfig config,
                         TokenConfig tokens) {
        this.authenticator = authenticator;
        this.keys = keys;
        this.config = config;
        this.tokens = tokens;
    }

    /** For the CDI client proxy only. */
    protected UsageResource() {
        this(null, null, null, null);
    }

    @GET
    @Operation(summary = "Usage of the calling key", description = "Characters (code points of source texts) and"
            + " requests served with the key in the current UTC day and calendar month, with its quotas and when"
            + " they renew.")
    @APIResponse(responseCode = "200", description = "The usage.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UsageResponse.class)))
    @APIResponse(responseCode = "401", ref = "ApiKeyRejected")
    @APIResponse(responseCode = "403", ref = "KeyForbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "AccountsUnavailable")
    public UsageResponse usage(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ApiKey key = key(authorization);
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
            // AccessFilter verified it; a token's subject has no ledger account to report on.
            throw new ApiException(404, "not_metered", "Single sign-on tokens are rate limited, not metered: usage"
                    + " is recorded for API keys only.");
        }
        return authenticator.require(bearer);
    }
}
