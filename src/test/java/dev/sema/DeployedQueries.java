package dev.sema;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every PromQL expression the deployment files hand to Prometheus, by where it comes from: the recording and alert
 * rules ({@code deploy/prometheus/rules}), the Grafana dashboard ({@code deploy/grafana}, with Grafana's
 * {@code $__rate_interval} as one minute) and the Prometheus Adapter's queries ({@code deploy/kubernetes/autoscaling},
 * with its templates filled in as the adapter fills them for one namespace and one pod). PrometheusConfigTest checks
 * their metric names, the Prometheus ITs that a real Prometheus accepts them.
 */
public final class DeployedQueries {

    public static final Path PROMETHEUS = Path.of("deploy/prometheus");
    public static final Path RULES = PROMETHEUS.resolve("rules");
    public static final Path DASHBOARDS = Path.of("deploy/grafana");
    public static final Path ADAPTER = Path.of("deploy/kubernetes/autoscaling/prometheus-adapter.values.yaml");

    private DeployedQueries() {
    }

    /** Each expression keyed by a name that says where it is (file and rule, panel or adapter rule). */
    public static Map<String, String> all() throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, Object> rule : rules()) {
            all.put("rule " + (rule.containsKey("alert") ? rule.get("alert") : rule.get("record")),
                    (String) rule.get("expr"));
        }
        for (Path dashboard : files(DASHBOARDS, ".json")) {
            JsonObject json;
            try (JsonReader reader = Json.createReader(Files.newBufferedReader(dashboard))) {
                json = reader.readObject();
            }
            for (JsonValue panel : json.getJsonArray("panels")) {
                for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
                    all.put(dashboard.getFileName() + " " + panel.asJsonObject().getString("title") + " "
                            + target.asJsonObject().getString("refId"), target.asJsonObject().getString("expr")
                            .replace("$__rate_interval", "1m"));
                }
            }
        }
        Map<String, Object> adapter = load(ADAPTER).get(0);
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> adapterRules = (Map<String, List<Map<String, Object>>>) adapter
                .get("rules");
        for (String kind : List.of("custom", "external")) {
            for (Map<String, Object> rule : adapterRules.get(kind)) {
                String series = ((String) rule.get("seriesQuery")).replaceAll("\\{.*", "");
                all.put("adapter " + kind + " " + series, ((String) rule.get("metricsQuery"))
                        .replace("<<.Series>>", series).replace("<<.LabelMatchers>>", "namespace=\"sema\"")
                        .replace("<<.GroupBy>>", "pod"));
            }
        }
        return all;
    }

    /** Every rule of every group in {@code deploy/prometheus/rules}. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : files(RULES, ".yml")) {
            for (Map<String, Object> group : (List<Map<String, Object>>) load(file).get(0).get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> load(Path yaml) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(yaml)) {
            new Yaml().loadAll(in).forEach(d -> documents.add((Map<String, Object>) d));
        }
        return documents;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
