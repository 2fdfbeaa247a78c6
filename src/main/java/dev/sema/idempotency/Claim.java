package dev.sema.idempotency;

import java.time.Duration;

/**
 * A request's hold on its idempotency key while it runs: only the holder (its {@code token}) may complete, renew
 * or give it up.
 *
 * @param key         the record's name: caller scope and key together
 * @param fingerprint what the request was (method, route, body), so a reuse for another request is told apart
 * @param token       this claim's own random id
 * @param retention   how long its answer is kept once complete
 * @param shared      held in Redis (every replica sees it) rather than in this server's memory
 */
public record Claim(String key, String fingerprint, String token, Duration retention, boolean shared) {

    /** The record while the request runs. */
    String pending() {
        return Records.PENDING + fingerprint + "|" + token;
    }
}
