package dev.sema.models;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What one model slot looks like right now, for health checks, {@code /status} and {@code /api/v1/health}.
 *
 * @param name     slot name: {@code translation} or {@code language_identification}
 * @param state    lifecycle state
 * @param detail   human-readable reason (why it failed, what is loading), may be null
 * @param loadedAt when the serving model was loaded, null if none
 * @param info     descriptive fields (repo, revision, variant, path, load_time_seconds, ...)
 */
public record ModelStatus(String name, State state, String detail, OffsetDateTime loadedAt, Map<String, Object> info) {

    public enum State { NOT_CONFIGURED, LOADING, READY, FAILED }

    public boolean ready() {
        return state == State.READY;
    }
}
