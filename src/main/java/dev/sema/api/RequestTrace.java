package dev.sema.api;

import dev.sema.accounts.Actor;
import jakarta.enterprise.context.RequestScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the edge knows about the current request: its id (client-supplied when well-formed, else a UUID), when
 * it started, how many characters it carried (for the access log; never the text itself), and who sent it.
 */
@RequestScoped
public class RequestTrace {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final long startNanos = System.nanoTime();
    private String requestId;
    private Integer characters;
    private Actor actor;

    /** Adopts the client's X-Request-ID if it is 1–128 characters of {@code [A-Za-z0-9._-]}. */
    public void begin(String clientRequestId) {
        requestId = clientRequestId != null && CLIENT_ID.matcher(clientRequestId).matches()
                ? clientRequestId : UUID.randomUUID().toString();
    }

    public String requestId() {
        if (requestId == null) {
            begin(null);
        }
        return requestId;
    }

    /** Time since the request entered the application. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** {@link #elapsed()} in seconds, as response bodies report it. */
    public double elapsedSeconds() {
        return elapsed().toNanos() / 1e9;
    }

    public Integer characters() {
        return characters;
    }

    public void characters(int count) {
        characters = count;
    }

    /** Who sent the request, as the audit trail names it; null on routes that need no scope. */
    public Actor actor() {
        return actor;
    }

    public void actor(Actor actor) {
        this.actor = actor;
    }
}
