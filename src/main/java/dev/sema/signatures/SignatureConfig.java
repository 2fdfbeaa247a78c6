package dev.sema.signatures;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * Settings of signed requests; defaults in {@code META-INF/microprofile-config.properties}.
 *
 * @param maxSkew             {@code sema.signature-max-skew-seconds}: how far a signature's {@code created} may be
 *                            from the server's clock, either way; nonces are remembered for twice as long, so a
 *                            replay is refused for as long as its signature would be accepted
 * @param nonceMemoryEntries  {@code sema.signature-nonce-memory-entries}: nonces a server without Redis remembers at
 *                            most (the oldest leave first: a replay of a request older than those is refused only
 *                            if it is also expired)
 */
public record SignatureConfig(Duration maxSkew, int nonceMemoryEntries) {

    public SignatureConfig {
        if (maxSkew.toSeconds() < 1) {
            throw new IllegalArgumentException("sema.signature-max-skew-seconds must be at least 1, got "
                    + maxSkew.toSeconds());
        }
        if (nonceMemoryEntries < 1) {
            throw new IllegalArgumentException("sema.signature-nonce-memory-entries must be at least 1, got "
                    + nonceMemoryEntries);
        }
    }

    public static SignatureConfig from(Config config) {
        return new SignatureConfig(Duration.ofSeconds(config.getValue("sema.signature-max-skew-seconds", Long.class)),
                config.getValue("sema.signature-nonce-memory-entries", Integer.class));
    }

    /** How long a nonce is remembered: a signature is accepted from {@code created - skew} to {@code + skew}. */
    Duration nonceWindow() {
        return maxSkew.multipliedBy(2);
    }
}
