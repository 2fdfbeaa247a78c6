package dev.sema;

import dev.sema.observability.ExportedMetrics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code deploy/prometheus} as Prometheus's own tool judges it ({@code promtool check config}, {@code check rules},
 * {@code test rules}: Debian's {@code prometheus} package), and every metric the rules, the dashboard and the
 * autoscaler's adapter query is one the server exports. Without promtool the promtool checks skip with a message,
 * except under {@code CI=true}, where they fail (.ci/run installs it).
 */
class PrometheusConfigTest {

    /** A series name on its own: not part of a recording rule's name ({@code endpoint:sema_…:p95_5m}). */
    private static final Pattern SERIES = Pattern.compile("(?<![\\w:])sema_[a-z0-9_]+(?![\\w:])");
    private static final Path TESTS = DeployedQueries.PROMETHEUS.resolve("tests/sema-rules.test.yml");

    private static Map<String, String> queries;

    @BeforeAll
    static void read() throws IOException {
        queries = DeployedQueries.all();
    }

    @Test
    void promtoolAcceptsTheScrapeConfigurationAndItsRules() throws Exception {
        String out = promtool("check", "config", DeployedQueries.PROMETHEUS.resolve("prometheus.yml").toString());
        assertTrue(out.contains("rule files found"), out);
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        try (var files = Files.list(DeployedQueries.RULES)) {
            files.sorted().forEach(f -> command.add(f.toString()));
        }
        promtool(command.toArray(String[]::new));
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        String out = promtool("test", "rules", TESTS.toString());
        assertTrue(out.contains("SUCCESS"), out);
    }

    /** Each alert has a promtool test case in which it fires (an expected alert), besides those where it is quiet. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasATestInWhichItFires() throws Exception {
        Set<String> alerts = DeployedQueries.rules().stream().filter(r -> r.containsKey("alert"))
                .map(r -> (String) r.get("alert")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> firing = new TreeSet<>();
        for (Map<String, Object> test : (List<Map<String, Object>>) DeployedQueries.load(TESTS).get(0).get("tests")) {
            for (Map<String, Object> alert : (List<Map<String, Object>>) test.getOrDefault("alert_rule_test",
                    List.of())) {
                if (!((List<?>) alert.get("exp_alerts")).isEmpty()) {
                    firing.add((String) alert.get("alertname"));
                }
            }
        }
        assertEquals(Set.of("SemaReplicaNotReady", "SemaFleetLatencyHigh", "SemaQueueDeep",
                "SemaAccountsDatabaseUnavailable", "SemaRedisUnavailable", "SemaHighErrorRatio"), alerts);
        assertEquals(alerts, firing, "alerts with a test in which they fire");
    }

    /** A renamed metric must fail here, not leave an alert, a panel or the autoscaler silently without data. */
    @Test
    void everyQueriedSeriesIsOneTheServerExports() {
        Set<String> exported = ExportedMetrics.names();
        assertTrue(exported.contains("sema_request_duration_seconds_bucket"), exported.toString());
        assertTrue(queries.size() > 25, "the scan finds the queries: " + queries.keySet());
        queries.forEach((where, query) -> {
            Set<String> series = SERIES.matcher(query).results().map(m -> m.group())
                    .collect(Collectors.toCollection(TreeSet::new));
            series.removeAll(exported);
            assertEquals(Set.of(), series, where + " queries series the server does not export: " + query);
        });
    }

    /** Runs promtool with {@code args}; fails when it does, skips (or fails under CI=true) when it is missing. */
    private static String promtool(String... args) throws Exception {
        Path promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, "promtool"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (promtool == null) {
            String message = "promtool is not installed (Debian: apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true, so its absence is a failure");
            }
            Assumptions.abort(message + "; skipped (with CI=true this fails)");
        }
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish: " + command);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + out);
        assertFalse(out.isBlank(), String.join(" ", command) + " said nothing");
        return out;
    }
}
