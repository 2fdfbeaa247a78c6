package dev.sema.fleet;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Redis that replicas share (rate limits, translation cache, fleet messages), used so that its trouble never
 * fails a request: {@link #call} answers empty instead of throwing, and callers fall back to what one replica
 * knows alone.
 *
 * <p>Only a background task connects, every {@code retryInterval} until it succeeds, and pings while connected,
 * so the state is known even without traffic; a request never waits for a connection. Once a command fails or
 * times out (bounded by {@code timeout}), Redis counts as down: requests skip it until the next retry time, when
 * the ping (or any request) tries it again. A warning is logged once per outage and a line when it is back;
 * Lettuce reconnects a dropped connection by itself and re-subscribes its channels.
 */
public final class SharedStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SharedStore.class.getName());

    private final SharedStoreConfig config;
    private final LongSupplier nanoClock;
    private final ClientResources resources;
    private final RedisClient client;
    private final Map<String, Consumer<String>> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> maintenance;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile boolean up;
    /** While down: when requests may try Redis again (nanoClock time). */
    private volatile long retryAt;
    /** Whether the current outage was logged already (one warning per outage). */
    private volatile boolean outageLogged;

    private SharedStore(SharedStoreConfig config, ScheduledExecutorService scheduler, LongSupplier nanoClock) {
        this.config = config;
        this.nanoClock = nanoClock;
        if (config.url().isEmpty()) {
            this.resources = null;
            this.client = null;
            this.maintenance = null;
            return;
        }
        RedisURI uri = RedisURI.create(config.url().get());
        uri.setTimeout(config.timeout());
        // reconnect at the retry interval, not Lettuce's default back-off of up to 30 s: recovery without restart
        // should take about as long as noticing the outage
        this.resources = DefaultClientResources.builder().reconnectDelay(Delay.constant(config.retryInterval()))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // a request must not queue behind a reconnect: it falls back at once
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout(config)).build())
                .build());
        long period = config.retryInterval().toNanos();
        this.maintenance = scheduler.scheduleWithFixedDelay(this::maintain, 0, period, TimeUnit.NANOSECONDS);
    }

    /**
     * @param scheduler runs the connect/ping task every {@code retryInterval} (the container's managed scheduled
     *                  executor in the server)
     */
    public static SharedStore open(SharedStoreConfig config, ScheduledExecutorService scheduler) {
        return new SharedStore(config, scheduler, System::nanoTime);
    }

    /** Whether a Redis URL is configured at all. */
    public boolean enabled() {
        return client != null;
    }

    /** Whether the last contact with Redis succeeded. */
    public boolean up() {
        return up;
    }

    /** A key or channel name under this deployment's prefix: {@code key("rl", client)} → {@code sema:rl:client}. */
    public String key(String... parts) {
        return config.prefix() + String.join(":", parts);
    }

    /**
     * Runs {@code command} on Redis, bounded by the configured timeout.
     *
     * @return its result; empty when no Redis is configured, it is down, the command failed or it answered nil
     */
    public <T> Optional<T> call(Function<RedisCommands<String, String>, T> command) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null || !current.isOpen() || (!up && nanoClock.getAsLong() - retryAt < 0)) {
            return Optional.empty();
        }
        try {
            T result = command.apply(current.sync());
            markUp();
            return Optional.ofNullable(result);
        } catch (RedisException e) {
            markDown(e);
            return Optional.empty();
        }
    }

    /**
     * Publishes to a channel under the prefix.
     *
     * @return how many subscribers (on any server, this one included) received it; empty when Redis could not take it
     */
    public Optional<Long> publish(String channel, String message) {
        return call(c -> c.publish(key(channel), message));
    }

    /**
     * Delivers every message of a channel under the prefix to {@code listener}, on a Redis I/O thread (hand long
     * work to an executor); survives reconnects. No-op without Redis.
     */
    public synchronized void subscribe(String channel, Consumer<String> listener) {
        if (client == null) {
            return;
        }
        subscriptions.put(key(channel), listener);
        StatefulRedisPubSubConnection<String, String> current = pubSub;
        if (current != null) {
            current.async().subscribe(key(channel));
        }
    }

    /** Connects when not connected, pings when connected: keeps {@link #up()} true to the facts without traffic. */
    void maintain() {
        try {
            if (connection == null) {
                connection = client.connect();
            }
            if (pubSub == null) {
                openPubSub();
            }
            call(RedisCommands::ping);
            if (connection != null && !connection.isOpen()) {
                markDown(new RedisException("connection lost, reconnecting"));
            }
        } catch (RedisException e) {
            markDown(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "shared store maintenance failed", e);
        }
    }

    /** Synchronized with {@link #subscribe}, so a channel added meanwhile is not missed. */
    private synchronized void openPubSub() {
        StatefulRedisPubSubConnection<String, String> opened = client.connectPubSub();
        opened.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                Consumer<String> listener = subscriptions.get(channel);
                if (listener != null) {
                    try {
                        listener.accept(message);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "listener of " + channel + " failed", e);
                    }
                }
            }
        });
        if (!subscriptions.isEmpty()) {
            opened.sync().subscribe(subscriptions.keySet().toArray(String[]::new));
        }
        pubSub = opened;
    }

    private void markUp() {
        if (!up) {
            up = true;
            if (outageLogged) {
                LOG.info("shared store (Redis) is back: limits and cache are shared again");
            }
            outageLogged = false;
        }
    }

    private void markDown(RedisException cause) {
        retryAt = nanoClock.getAsLong() + config.retryInterval().toNanos();
        up = false;
        if (!outageLogged) {
            outageLogged = true;
            // the message names the failure, never the URL (it may hold a password)
            LOG.warning("shared store (Redis) unavailable, each replica limits and caches alone until it is back: "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public void close() {
        if (client == null) {
            return;
        }
        maintenance.cancel(false);
        Optional.ofNullable(pubSub).ifPresent(StatefulRedisPubSubConnection::close);
        Optional.ofNullable(connection).ifPresent(StatefulRedisConnection::close);
        client.shutdown(Duration.ZERO, config.timeout());
        resources.shutdown(0, config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A connection is made off the request path, so it may take longer than a command. */
    private static Duration connectTimeout(SharedStoreConfig config) {
        return config.timeout().compareTo(Duration.ofSeconds(2)) > 0 ? config.timeout() : Duration.ofSeconds(2);
    }
}
