package dev.sema.models.hub;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns Hub error statuses into messages a user can act on. The Hub names the cause in {@code X-Error-Code}
 * ({@code GatedRepo}, {@code RepoNotFound}, {@code RevisionNotFound}, {@code EntryNotFound}); anonymous requests
 * for private or missing repositories get 401, so 401 alone cannot tell "gated" from "does not exist".
 */
final class HubErrors {

    private final HubSettings settings;

    HubErrors(HubSettings settings) {
        this.settings = settings;
    }

    /**
     * @param revision the revision or commit asked for, null when unknown
     * @param file     the file asked for, null for repository-level calls
     * @throws TransientStatusException for 408, 429 and 5xx (the caller retries)
     * @throws HubException             for every other non-2xx status
     */
    void check(HttpResponse<?> response, String repo, String revision, String file) throws TransientStatusException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String code = HubHttp.header(response, "X-Error-Code").orElse("");
        String hubSays = HubHttp.header(response, "X-Error-Message").map(m -> ": " + m).orElse("");
        if (status == 408 || status == 429 || status >= 500) {
            throw new TransientStatusException(status, retryAfter(response), response.uri().toString());
        }
        if (code.equals("RepoNotFound")) {
            throw new HubException(HubException.Reason.NOT_FOUND, "Repository " + repo + " was not found on "
                    + settings.endpoint() + " (HTTP " + status + hubSays + "). Check the repository id "
                    + "(sema.model-repo / sema.lid-repo); if it is private, set HF_TOKEN to a token that can read it.");
        }
        if (status == 401 || status == 403) {
            String tokenNote = settings.token().isPresent()
                    ? " The token that was sent (HF_TOKEN) was not accepted for this repository."
                    : " No token was sent.";
            throw new HubException(HubException.Reason.UNAUTHORIZED, "Access to " + repo + " was refused (HTTP "
                    + status + hubSays + "). The repository is gated or private: log in on " + settings.endpoint()
                    + "/" + repo + " and accept its licence, then set HF_TOKEN to a read token of that account ("
                    + settings.endpoint() + "/settings/tokens)." + tokenNote);
        }
        if (status == 404) {
            throw new HubException(HubException.Reason.NOT_FOUND, notFound(code, repo, revision, file)
                    + " (HTTP 404" + hubSays + ").");
        }
        throw new HubException(HubException.Reason.HUB_ERROR, "Unexpected HTTP " + status + hubSays + " from "
                + response.uri());
    }

    private String notFound(String code, String repo, String revision, String file) {
        if (code.equals("RevisionNotFound") || (file == null && revision != null)) {
            return "Revision '" + revision + "' of " + repo + " was not found on " + settings.endpoint()
                    + ": check the repository (sema.model-repo / sema.lid-repo) and revision (sema.model-revision /"
                    + " sema.lid-revision)";
        }
        return "File '" + file + "' does not exist in " + repo + (revision == null ? "" : " at " + revision)
                + ": check the file name (sema.lid-file) or model variant (sema.model-variant)";
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is rare for APIs and treated as absent). */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return HubHttp.header(response, "Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
