package it.dev.sema.cluster;

import it.dev.sema.Http;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.Driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Replicas behind HAProxy for one test class, started by {@code scripts/cluster} (the script and HAProxy
 * configuration operators use) on the {@code semaCluster} Liberty server the build created. Replicas serve the echo
 * test model, share a PostgreSQL database of their own (created before, dropped after) and have rate limits off
 * unless the class says otherwise:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Cluster CLUSTER = Cluster.of(3).with("SEMA_RATE_LIMIT_PER_MINUTE", "60");
 * }</pre>
 *
 * The cluster comes up before the class's first test and goes down after its last, also when a test failed (and
 * when the JVM exits early). Replicas are numbered from 1, as the script numbers them.
 */
public final class Cluster implements BeforeAllCallback, AfterAllCallback {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);

    private final int size;
    private final Map<String, String> overrides;
    private Path dir;
    private Map<String, String> environment;
    private String database;
    private List<Http> replicas;
    private Http balancer;
    private Thread shutdownHook;

    private Cluster(int size, Map<String, String> overrides) {
        this.size = size;
        this.overrides = Map.copyOf(overrides);
    }

    /** A cluster of {@code replicas} replicas, with the default test environment. */
    public static Cluster of(int replicas) {
        return new Cluster(replicas, Map.of());
    }

    /** The same cluster with one more environment variable for every replica (it wins over the defaults). */
    public Cluster with(String variable, String value) {
        Map<String, String> more = new HashMap<>(overrides);
        more.put(variable, value);
        return new Cluster(size, more);
    }

    /** The JDBC URL of the replicas' database, for tests that check what they stored. */
    public String jdbcUrl() {
        return environment.get("SEMA_DB_URL");
    }

    /** Replica {@code i}, from 1: its own address, past the balancer. */
    public Http replica(int i) {
        return replicas.get(i - 1);
    }

    public int size() {
        return size;
    }

    public Http balancer() {
        return balancer;
    }

    /** Stops replica {@code i} with SIGTERM, as an orchestrator does, and waits for its exit. */
    public void stop(int i) {
        script(STEP_TIMEOUT, "stop", Integer.toString(i));
    }

    /** Kills replica {@code i} with SIGKILL: a crash. */
    public void kill(int i) {
        script(STEP_TIMEOUT, "kill", Integer.toString(i));
    }

    /** Starts stopped replica {@code i} again; returns once it is ready and the balancer routes to it. */
    public void start(int i) {
        script(STEP_TIMEOUT, "start", Integer.toString(i));
    }

    /**
     * Starts stopped replica {@code i} with {@code variables} over the cluster's environment, as an operator rolls a
     * setting out (this start only: a later {@link #start(int)} has the cluster's own again).
     */
    public void start(int i, Map<String, String> variables) {
        script(STEP_TIMEOUT, variables, "start", Integer.toString(i));
    }

    /** {@link #stop}, then {@link #start}. */
    public void restart(int i) {
        script(STEP_TIMEOUT, "restart", Integer.toString(i));
    }

    /** The replicas' addresses for Prometheus's file service discovery, as {@code scripts/cluster up} wrote them. */
    public Path targets() {
        return dir.resolve("targets.json");
    }

    /** The balancer's statistics now (HAProxy's CSV). */
    public BalancerStats balancerStats() {
        try {
            String stats = Files.readString(dir.resolve("stats")).strip();
            return BalancerStats.parse(Http.at(stats).get("/stats;csv").expect(200).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String name = context.getRequiredTestClass().getSimpleName();
        dir = Path.of(property("cluster.dir"), name);
        Files.createDirectories(dir);
        database = "sema_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        administer("CREATE DATABASE " + database);
        environment = environment();
        shutdownHook = new Thread(this::down, "cluster " + name + " down");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        List<String> urls = script(UP_TIMEOUT, "up", Integer.toString(size));
        if (urls.size() != size + 1) {
            throw new AssertionError("scripts/cluster up " + size + " printed " + urls + ": want " + size
                    + " replica URLs and the balancer's");
        }
        replicas = urls.subList(0, size).stream().map(Http::at).toList();
        balancer = Http.at(urls.get(size));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shutdownHook != null) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        down();
    }

    private void down() {
        try {
            if (environment != null) {
                script(STEP_TIMEOUT, "down");
            }
        } finally {
            if (database != null) {
                administer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private Map<String, String> environment() {
        String adminUrl = property("pg.admin.url");
        Map<String, String> env = new HashMap<>();
        env.put("SEMA_CLUSTER_WLP", property("liberty.wlp.dir"));
        env.put("SEMA_CLUSTER_SERVER", property("cluster.server"));
        env.put("SEMA_CLUSTER_DIR", dir.toString());
        env.put("SEMA_MODEL_DIR", property("sema.test.models") + "/nllb-echo");
        env.put("SEMA_MODEL_VARIANT", "fp32");
        env.put("SEMA_LID_MODEL", property("sema.shared.dir") + "/models/lid.176.ftz");
        env.put("SEMA_ADMIN_TOKEN", property("admin.token"));
        env.put("SEMA_DB_URL", adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database);
        env.put("SEMA_DB_USER", property("pg.user"));
        env.put("SEMA_DB_PASSWORD", "unused-with-trust");
        env.put("SEMA_RATE_LIMIT_PER_MINUTE", "0");
        env.put("SEMA_RATE_LIMIT_PER_HOUR", "0");
        // Several replicas share the build machine's cores.
        env.put("SEMA_ORT_THREADS", "1");
        // HAProxy marks a draining replica down within about 1.5 s (inter 1s, fastinter 250ms, fall 2)
        env.put("SEMA_SHUTDOWN_DRAIN_S", "3");
        // Small heaps, and C1 only: a replica starts in about 60 % of the time, which restarts multiply.
        env.put("JVM_ARGS", "-Xms256m -Xmx512m -XX:TieredStopAtLevel=1");
        // Every test client is 127.0.0.1, so the balancer's per-address flood limits would cap the load tests; they are
        // EdgeFloodIT's subject, which sets its own.
        env.put("SEMA_LB_MAX_REQUEST_RATE", "100000000");
        env.put("SEMA_LB_MAX_CONNECTION_RATE", "100000000");
        env.put("SEMA_LB_MAX_CONNECTIONS_PER_CLIENT", "100000");
        env.putAll(overrides);
        return env;
    }

    /**
     * Runs {@code scripts/cluster} with the replicas' environment (none of this JVM's own SEMA_* or HF_* variables)
     * and returns what it printed; its messages go to {@code script.log} in the cluster's folder.
     */
    private List<String> script(Duration timeout, String... args) {
        return script(timeout, Map.of(), args);
    }

    private List<String> script(Duration timeout, Map<String, String> variables, String... args) {
        List<String> command = new ArrayList<>(List.of(property("cluster.script")));
        command.addAll(List.of(args));
        Path out = dir.resolve("script.out");
        Path log = dir.resolve("script.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("SEMA_") || name.startsWith("HF_"));
        builder.environment().putAll(environment);
        builder.environment().putAll(variables);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                        + " s; " + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "); "
                        + tail(log));
            }
            return Files.readAllLines(out).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return log + " ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** A statement on the development/CI PostgreSQL's admin database (trust auth). */
    private static void administer(String sql) {
        Properties credentials = new Properties();
        credentials.setProperty("user", property("pg.user"));
        try (Connection connection = new Driver().connect(property("pg.admin.url"), credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is unset: run the cluster ITs through"
                    + " `mvn verify`, which creates the semaCluster server and passes its settings");
        }
        return value;
    }
}
