package dev.sema.idempotency;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * How long answers are kept for retries; defaults in {@code META-INF/microprofile-config.properties}.
 *
 * @param retention         {@code sema.idempotency-retention-s}: how long a client's {@code Idempotency-Key} answers
 *                          (24 h, as the IETF draft suggests)
 * @param balancerRetention {@code sema.idempotency-balancer-retention-s}: how long an answer is kept for the
 *                          balancer's own request id; replays follow a replica's death within seconds, so minutes do
 * @param lease             {@code sema.idempotency-lease-ms}: a running request's claim lapses this long after its
 *                          replica last renewed it (it renews at a third of it), so a dead replica's claim frees the
 *                          key for a retry soon
 * @param maxAnswerBytes    {@code sema.idempotency-max-answer-bytes}: larger answers are sent but not kept (a retry
 *                          then runs again)
 * @param memoryBytes       {@code sema.idempotency-memory-bytes}: what a server without Redis keeps at most; the
 *                          oldest answers go first
 */
public record IdempotencyConfig(Duration retention, Duration balancerRetention, Duration lease, int maxAnswerBytes,
                                long memoryBytes) {

    public IdempotencyConfig {
        if (retention.toMillis() <= 0 || balancerRetention.toMillis() <= 0 || lease.toMillis() < 30
                || maxAnswerBytes <= 0 || memoryBytes < maxAnswerBytes) {
            throw new IllegalArgumentException("sema.idempotency-*: retentions and lease (at least 30 ms) must be"
                    + " positive, sema.idempotency-memory-bytes at least sema.idempotency-max-answer-bytes");
        }
    }

    public static IdempotencyConfig from(Config config) {
        return new IdempotencyConfig(
                Duration.ofSeconds(config.getValue("sema.idempotency-retention-s", long.class)),
                Duration.ofSeconds(config.getValue("sema.idempotency-balancer-retention-s", long.class)),
                Duration.ofMillis(config.getValue("sema.idempotency-lease-ms", long.class)),
                config.getValue("sema.idempotency-max-answer-bytes", int.class),
                config.getValue("sema.idempotency-memory-bytes", long.class));
    }
}
