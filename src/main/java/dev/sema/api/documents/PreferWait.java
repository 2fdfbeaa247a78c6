package dev.sema.api.documents;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7240's {@code wait} preference ({@code Prefer: wait=10}, possibly among others: {@code respond-async,
 * wait=10}): how long the client is willing to wait for an answer that says more. A preference the server cannot
 * read is ignored, as the RFC asks, never refused.
 */
final class PreferWait {

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;])\\s*wait\\s*=\\s*\"?(\\d{1,9})\"?\\s*(?=$|[,;])",
            Pattern.CASE_INSENSITIVE);

    private PreferWait() {
    }

    /** @param header the request's {@code Prefer} header, or null */
    static Optional<Duration> of(String header, Duration max) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = WAIT.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(m.group(1)));
        return Optional.of(asked.compareTo(max) > 0 ? max : asked);
    }
}
