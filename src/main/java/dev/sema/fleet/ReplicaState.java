package dev.sema.fleet;

import java.util.List;

/**
 * What one replica last reported of itself (its heartbeat, kept in Redis as JSON).
 *
 * @param id        random per start, so a restarted server is a new entry and the old one expires
 * @param name      {@code sema.replica-name}
 * @param startedAt ISO-8601 instant this server started
 * @param lastSeen  ISO-8601 instant of the heartbeat, by the replica's own clock
 * @param models    its model slots
 */
public record ReplicaState(String id, String name, String startedAt, String lastSeen, List<Slot> models) {

    /**
     * One model slot of a replica.
     *
     * @param contentId what the serving model's files hold ({@code dev.sema.models.ResolvedModel#contentId}), the
     *                  same on replicas that serve the same model
     */
    public record Slot(String name, String state, String detail, String revision, String commit, String contentId,
                       String loadedAt, int liveModels) {
    }
}
