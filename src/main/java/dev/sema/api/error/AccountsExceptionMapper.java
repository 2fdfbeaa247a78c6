package dev.sema.api.error;

import dev.sema.accounts.AccountsException;
import dev.sema.accounts.AccountsOffException;
import dev.sema.accounts.AccountsUnavailableException;
import dev.sema.accounts.ApiKeyRequiredException;
import dev.sema.accounts.InvalidApiKeyException;
import dev.sema.accounts.KeyRevokedException;
import dev.sema.accounts.QuotaExceededException;
import dev.sema.accounts.SigningUnavailableException;
import dev.sema.accounts.UnknownKeyException;
import dev.sema.api.RequestTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.Map;

/** The HTTP face of every accounts failure: status, wire code and headers, in one place. */
@Provider
@ApplicationScoped
public class AccountsExceptionMapper implements ExceptionMapper<AccountsException> {

    @Inject
    RequestTrace trace;

    @Override
    public Response toResponse(AccountsException e) {
        return ErrorResponses.of(toApiException(e), trace.requestId());
    }

    static ApiException toApiException(AccountsException e) {
        if (e instanceof ApiKeyRequiredException) {
            return new ApiException(401, ApiError.of("api_key_required", e.getMessage()),
                    Map.of("WWW-Authenticate", "Bearer realm=\"sema\""));
        }
        if (e instanceof InvalidApiKeyException) {
            return new ApiException(401, ApiError.of("invalid_api_key", e.getMessage()),
                    Map.of("WWW-Authenticate", "Bearer realm=\"sema\", error=\"invalid_token\""));
        }
        if (e instanceof QuotaExceededException quota) {
            return new ApiException(429, ApiError.of("quota_exceeded", e.getMessage())
                    .withQuota(quota.period().name().toLowerCase(Locale.ROOT), quota.limit()),
                    Map.of("Retry-After", Long.toString(quota.retryAfterSeconds())));
        }
        if (e instanceof AccountsUnavailableException unavailable) {
            return new ApiException(503, ApiError.of("accounts_unavailable", e.getMessage()),
                    Map.of("Retry-After", Integer.toString(unavailable.retryAfterSeconds())));
        }
        if (e instanceof UnknownKeyException) {
            return new ApiException(404, "unknown_key", e.getMessage());
        }
        if (e instanceof KeyRevokedException) {
            return new ApiException(409, "key_revoked", e.getMessage());
        }
        if (e instanceof SigningUnavailableException) {
            return RequestChecks.invalid(400, "signing_unavailable", "require_signature", e.getMessage(),
                    "false, on this key or this server");
        }
        if (e instanceof AccountsOffException) {
            return new ApiException(404, "not_found", e.getMessage());
        }
        throw new IllegalStateException("unmapped accounts failure " + e.getClass().getName(), e);
    }
}
