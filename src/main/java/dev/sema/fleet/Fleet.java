package dev.sema.fleet;

import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelSlot;
import dev.sema.models.ModelStatus;
import dev.sema.models.ResolvedModel;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server among its replicas, through the {@link SharedStore}: it announces itself with a heartbeat (its
 * {@link ReplicaState}, under a key that expires after {@link FleetConfig#entryLifetime()}, listed in a set of
 * replica ids), so any replica can show the live ones; and it hears the reloads ordered on any replica (pub/sub)
 * and runs them on its own models, each swapped atomically by its {@link ModelRegistry} as for a local reload.
 *
 * <p>Without Redis there is no fleet: the view is this server alone and an order reaches nobody. While Redis is
 * away, the view is this server alone too and orders are lost (the replica that was asked says so); heartbeats
 * resume when it is back and Lettuce subscribes again.
 */
public final class Fleet implements AutoCloseable {

    /** Pub/sub channel of {@link ReloadOrder}s, under the store's prefix. */
    static final String RELOADS = "fleet:reloads";

    private static final Logger LOG = Logger.getLogger(Fleet.class.getName());

    /** Where this replica's state comes from in a {@link View}. */
    public enum Source {
        /** No Redis configured: one server. */
        SINGLE,
        /** Listed from Redis. */
        SHARED,
        /** Redis configured but away: only this server is known. */
        UNAVAILABLE
    }

    /**
     * The replicas alive now, this one first.
     *
     * @param self this server's id
     */
    public record View(Source source, String self, List<ReplicaState> replicas) {
    }

    private final SharedStore store;
    private final FleetConfig config;
    private final ModelRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final UnaryOperator<Consumer<String>> inAppContext;
    private final String id = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private final Jsonb json = JsonbBuilder.create();
    private volatile ScheduledFuture<?> heartbeat;

    /**
     * @param scheduler    runs the heartbeat (the container's managed scheduled executor in the server)
     * @param inAppContext wraps the reload listener, which Lettuce calls on its own I/O thread, so that it runs
     *                     with the application's context (the server's ContextService; identity in tests)
     */
    public Fleet(SharedStore store, FleetConfig config, ModelRegistry registry, ScheduledExecutorService scheduler,
                 UnaryOperator<Consumer<String>> inAppContext) {
        this.store = store;
        this.config = config;
        this.registry = registry;
        this.scheduler = scheduler;
        this.inAppContext = inAppContext;
    }

    /** This server's id among the replicas. */
    public String id() {
        return id;
    }

    /** Listens for reload orders and starts the heartbeat; nothing without Redis. */
    public void start() {
        if (!store.enabled()) {
            return;
        }
        store.subscribe(RELOADS, inAppContext.apply(this::heard));
        heartbeat = scheduler.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                // a task that throws is never run again: the next beat may succeed
                LOG.log(Level.WARNING, "fleet heartbeat failed", e);
            }
        }, 0, config.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * What became of a reload order.
     *
     * @param source SHARED when Redis took it, else SINGLE (no Redis) or UNAVAILABLE (Redis away: lost)
     * @param heard  with SHARED, how many other replicas received it
     */
    public record Broadcast(Source source, long heard) {
    }

    /** Tells the other replicas to reload {@code slots}, after this one started its own reload. */
    public Broadcast orderReload(List<String> slots, Optional<String> revision) {
        if (!store.enabled()) {
            return new Broadcast(Source.SINGLE, 0);
        }
        String order = json.toJson(new ReloadOrder(id, List.copyOf(slots), revision.orElse(null)));
        Optional<Long> heard = store.publish(RELOADS, order);
        if (heard.isEmpty()) {
            LOG.warning("The reload of " + slots + " could not be sent to the other replicas (Redis unavailable):"
                    + " only this one reloads; repeat it on each replica or once Redis is back.");
            return new Broadcast(Source.UNAVAILABLE, 0);
        }
        // this replica listens on the channel too
        return new Broadcast(Source.SHARED, Math.max(0, heard.get() - 1));
    }

    /** The live replicas: from Redis when it answers, else this server alone. */
    public View view() {
        ReplicaState self = state();
        if (!store.enabled()) {
            return new View(Source.SINGLE, id, List.of(self));
        }
        String members = membersKey();
        Optional<List<ReplicaState>> others = store.call(c -> {
            List<String> ids = c.smembers(members).stream().filter(other -> !other.equals(id)).sorted().toList();
            if (ids.isEmpty()) {
                return List.<ReplicaState>of();
            }
            List<KeyValue<String, String>> entries = c.mget(ids.stream().map(this::entryKey).toArray(String[]::new));
            List<ReplicaState> alive = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                KeyValue<String, String> entry = entries.get(i);
                if (entry.hasValue()) {
                    parse(entry.getValue(), ReplicaState.class).filter(r -> r.id() != null && r.name() != null
                            && r.models() != null).ifPresent(alive::add);
                } else {
                    c.srem(members, ids.get(i)); // its entry expired: the replica is gone
                }
            }
            return alive;
        });
        if (others.isEmpty()) {
            return new View(Source.UNAVAILABLE, id, List.of(self));
        }
        List<ReplicaState> all = new ArrayList<>(List.of(self));
        others.get().stream().sorted(Comparator.comparing(ReplicaState::name).thenComparing(ReplicaState::id))
                .forEach(all::add);
        return new View(Source.SHARED, id, List.copyOf(all));
    }

    /** Writes this server's state now (also every heartbeat interval): after a model load, the view is current. */
    public void beat() {
        if (!store.enabled()) {
            return;
        }
        String state = json.toJson(state());
        store.call(c -> {
            c.set(entryKey(id), state, SetArgs.Builder.ex(config.entryLifetime()));
            return c.sadd(membersKey(), id);
        });
    }

    /** Stops the heartbeat and leaves the view at once (a stopped replica would otherwise show until it expires). */
    @Override
    public void close() {
        ScheduledFuture<?> running = heartbeat;
        if (running != null) {
            running.cancel(false);
        }
        store.call(c -> {
            c.del(entryKey(id));
            return c.srem(membersKey(), id);
        });
        try {
            json.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B failed", e);
        }
    }

    /** A reload order from the channel: another replica's is run here, this replica's own is already running. */
    private void heard(String message) {
        Optional<ReloadOrder> parsed = parse(message, ReloadOrder.class);
        if (parsed.isEmpty() || parsed.get().origin() == null || parsed.get().origin().equals(id)) {
            return;
        }
        ReloadOrder order = parsed.get();
        Optional<String> revision = Optional.ofNullable(order.revision());
        LOG.info(() -> "Replica " + order.origin() + " ordered a reload of " + order.slots()
                + revision.map(r -> " at revision " + r).orElse(""));
        for (String slot : Objects.requireNonNullElse(order.slots(), List.<String>of())) {
            try {
                registry.reload(slot, revision).whenComplete((status, failure) -> {
                    if (failure != null) {
                        LOG.warning("The fleet reload of the " + slot + " model failed here: " + failure.getMessage());
                    }
                });
            } catch (IllegalArgumentException e) {
                LOG.warning("A fleet reload named " + slot + ", which this server does not have");
            }
        }
    }

    private ReplicaState state() {
        List<ReplicaState.Slot> slots = List.of(slot(registry.translation()), slot(registry.languageIdentification()));
        return new ReplicaState(id, config.replicaName(), startedAt.toString(), Instant.now().toString(), slots);
    }

    private static ReplicaState.Slot slot(ModelSlot<?> slot) {
        ModelStatus status = slot.status();
        Map<String, Object> info = status.info();
        return new ReplicaState.Slot(status.name(), status.state().name(), status.detail(), text(info.get("revision")),
                text(info.get("commit")), text(info.get(ResolvedModel.CONTENT_ID)),
                status.loadedAt() == null ? null : status.loadedAt().toString(), slot.liveModels());
    }

    /** The set of replica ids; an id whose entry expired is removed by the next {@link #view()}. */
    private String membersKey() {
        return store.key("fleet", "replicas");
    }

    private String entryKey(String replica) {
        return store.key("fleet", "replica", replica);
    }

    /** Empty for what is not valid JSON of the type (another version's message): it is ignored, not fatal. */
    private <T> Optional<T> parse(String value, Class<T> type) {
        try {
            return Optional.ofNullable(json.fromJson(value, type));
        } catch (JsonbException e) {
            LOG.log(Level.FINE, "ignored a fleet message that is not a " + type.getSimpleName(), e);
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
