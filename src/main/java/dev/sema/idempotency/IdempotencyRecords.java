package dev.sema.idempotency;

import dev.sema.fleet.SharedStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers kept per idempotency key, so that a retried request gets the first answer and is charged once (IETF
 * httpapi "The Idempotency-Key HTTP Header Field"): in the Redis the replicas share, or in memory on a server
 * without it (and while Redis is away, when each replica only knows its own).
 *
 * <p>A request first claims its key. The claim lives {@link IdempotencyConfig#lease()} and its replica renews it
 * while the request runs, so a replica that dies mid-request frees the key within a lease for the retry that the
 * balancer or the client sends. Only successful answers are kept: a refused or failed request gives its claim up,
 * and the same key may be tried again.
 */
public final class IdempotencyRecords implements AutoCloseable {

    private final IdempotencyConfig config;
    private final Records shared;
    private final Records local;
    private final Set<Claim> running = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> renewal;

    IdempotencyRecords(IdempotencyConfig config, Records shared, Records local, ScheduledExecutorService scheduler) {
        this.config = config;
        this.shared = shared;
        this.local = local;
        long period = Math.max(10, config.lease().toMillis() / 3);
        this.renewal = scheduler.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** @param store the replicas' Redis; without one, records stay in this server's memory */
    public static IdempotencyRecords open(IdempotencyConfig config, SharedStore store,
                                          ScheduledExecutorService scheduler) {
        Records local = new LocalRecords(config.memoryBytes(), System::currentTimeMillis);
        return new IdempotencyRecords(config, store.enabled() ? new SharedRecords(store) : local, local, scheduler);
    }

    public IdempotencyConfig config() {
        return config;
    }

    /**
     * @param key         the caller's scope and its key, so one client never sees another's answers
     * @param fingerprint the request (method, route, body), hashed
     * @param retention   how long the answer is kept: {@link IdempotencyConfig#retention()} for a client's key
     */
    public Verdict begin(String key, String fingerprint, Duration retention) {
        return begin(key, fingerprint, retention, null);
    }

    /**
     * As {@link #begin(String, String, Duration)} for a request a trusted balancer stamped with its request id
     * ({@code origin}), which a replay of it carries again: the claim is marked with it, so that a replay finding
     * the claim tells its own first try (on a replica that may have died) from another request with the same key.
     */
    private Verdict begin(String key, String fingerprint, Duration retention, String origin) {
        String token = tag(origin) + UUID.randomUUID();
        Claim sharedClaim = new Claim(key, fingerprint, token, retention, true);
        Optional<String> found = shared.claimOrRead(key, sharedClaim.pending(), config.lease().toMillis());
        Claim claim = found.isPresent() ? sharedClaim : new Claim(key, fingerprint, token, retention, false);
        String record = found.or(() -> local.claimOrRead(key, claim.pending(), config.lease().toMillis()))
                .orElseThrow();
        if (record.isEmpty()) {
            running.add(claim);
            return new Verdict.Proceed(claim);
        }
        boolean done = record.startsWith(Records.DONE);
        String rest = record.substring(Records.DONE.length());
        if (!rest.startsWith(fingerprint + "|")) {
            return new Verdict.Mismatch();
        }
        String after = rest.substring(fingerprint.length() + 1);
        return done ? new Verdict.Replay(StoredAnswer.decode(after))
                : new Verdict.Busy(origin != null && after.startsWith(tag(origin)));
    }

    /** What marks the claims of requests from {@code origin}: a name-based UUID of it, so no address is stored. */
    private static String tag(String origin) {
        return origin == null ? "" : UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /**
     * As {@link #begin}, for a request a trusted balancer stamped with its request id {@code origin}: while the key
     * is busy with a claim of the same origin, waits (up to a lease and a renewal, plus {@code patience}) for it to
     * be answered or freed. That is the balancer's replay of a request whose replica died, finding the dead replica's
     * claim, which lapses within a lease; a claim of another request is {@link Verdict.Busy} at once.
     */
    public Verdict await(String key, String fingerprint, Duration retention, String origin, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + config.lease().plus(patience).toNanos();
        Verdict verdict = begin(key, fingerprint, retention, origin);
        while (verdict instanceof Verdict.Busy busy && busy.replay() && System.nanoTime() - deadline < 0) {
            Thread.sleep(Math.max(5, config.lease().toMillis() / 10));
            verdict = begin(key, fingerprint, retention, origin);
        }
        return verdict;
    }

    /** Keeps the answer for retries; an answer over the size limit is not kept (the key is freed instead). */
    public void complete(Claim claim, StoredAnswer answer) {
        running.remove(claim);
        if (answer.body().length > config.maxAnswerBytes()) {
            records(claim).delete(claim.key(), claim.pending());
            return;
        }
        String done = Records.DONE + claim.fingerprint() + "|" + answer.encode();
        records(claim).replace(claim.key(), claim.pending(), done, claim.retention().toMillis());
    }

    /** Frees the key: the request failed or was refused, and a retry should run again. */
    public void abandon(Claim claim) {
        running.remove(claim);
        records(claim).delete(claim.key(), claim.pending());
    }

    private Records records(Claim claim) {
        return claim.shared() ? shared : local;
    }

    /** Extends every running claim; one lost meanwhile (renewed too late) is no longer this replica's to renew. */
    private void renew() {
        for (Claim claim : running) {
            if (!records(claim).renew(claim.key(), claim.pending(), config.lease().toMillis()).orElse(true)) {
                running.remove(claim);
            }
        }
    }

    @Override
    public void close() {
        renewal.cancel(false);
    }
}
