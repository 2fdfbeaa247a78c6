package dev.sema;

import dev.sema.observability.ExportedMetrics;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes} agree with the application they deploy: the container
 * port is server.xml's {@code PORT}, the probes ask the MicroProfile Health routes that the application's own checks
 * answer, every environment variable is a setting the application reads, the Secret references match the example
 * Secret, and the grace period covers the whole graceful stop (preStop, drain, Liberty's quiesce).
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("deploy/kubernetes");
    private static final Path AUTOSCALING = MANIFESTS.resolve("autoscaling");
    /**
     * Liberty's quiesce: at most 30 s for requests in flight once the listener closed (fixed in the runtime of
     * pom.xml; later releases make it configurable with {@code <server quiesceTimeout>}).
     */
    private static final int LIBERTY_QUIESCE_S = 30;
    /** Each probe of the container, the kind of MicroProfile Health check it asks for, and that kind's route. */
    private record Probe(String field, Class<? extends Annotation> kind, String route) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("startupProbe", Startup.class, "/health/started"),
            new Probe("readinessProbe", Readiness.class, "/health/ready"),
            new Probe("livenessProbe", Liveness.class, "/health/live"));

    private static List<Map<String, Object>> resources;
    private static Map<String, Object> deployment;
    private static Map<String, Object> pod;
    private static Map<String, Object> container;

    @BeforeAll
    static void parse() throws Exception {
        resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader in = Files.newBufferedReader(file)) {
                    new Yaml().loadAll(in).forEach(document -> resources.add(map(document)));
                }
            }
        }
        deployment = resource("Deployment");
        pod = map(map(map(deployment, "spec"), "template"), "spec");
        List<Map<String, Object>> containers = list(pod, "containers");
        assertEquals(1, containers.size(), "one container per pod");
        container = containers.get(0);
    }

    @Test
    void kustomizationAppliesEveryManifestButTheExampleSecret() throws Exception {
        Set<String> files;
        try (Stream<Path> all = Files.list(MANIFESTS)) {
            files = all.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml") && !f.equals("secret.example.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(strings(resource("Kustomization").get("resources"))));
    }

    @Test
    void theContainerListensOnTheServersPort() throws Exception {
        Map<String, Object> http = list(container, "ports").stream().filter(p -> "http".equals(p.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named http"));
        assertEquals(Integer.parseInt(serverXmlVariables().get("PORT")), http.get("containerPort"),
                "the container port is server.xml's PORT default");
        Matcher imagePort = Pattern.compile("\\bPORT=(\\d+)").matcher(Files.readString(Path.of("Dockerfile")));
        assertTrue(imagePort.find(), "the Dockerfile sets PORT");
        assertEquals(Integer.parseInt(imagePort.group(1)), http.get("containerPort"), "the image's PORT");
        List<Map<String, Object>> servicePorts = list(map(resource("Service"), "spec"), "ports");
        assertTrue(servicePorts.stream().allMatch(p -> "http".equals(p.get("targetPort"))),
                "the Service targets the container's http port: " + servicePorts);
    }

    @Test
    void probesAskTheHealthRoutesOfTheApplicationsOwnChecks() throws Exception {
        List<Class<?>> checks = healthChecks();
        for (Probe probe : PROBES) {
            Map<String, Object> get = map(map(container, probe.field()), "httpGet");
            assertEquals(probe.route(), get.get("path"), probe.field() + " asks MicroProfile Health's route for @"
                    + probe.kind().getSimpleName() + " checks");
            assertEquals("http", get.get("port"), probe.field() + " port");
            assertTrue(checks.stream().anyMatch(c -> c.isAnnotationPresent(probe.kind())), "no @"
                    + probe.kind().getSimpleName() + " check in the application: " + probe.route() + " is always UP");
        }
    }

    @Test
    void everyVariableIsASettingTheApplicationReads() throws Exception {
        Set<String> settings = applicationSettings();
        for (Map<String, Object> variable : list(container, "env")) {
            String name = (String) variable.get("name");
            assertTrue(settings.contains(name), name + " is set but the application reads no such setting "
                    + "(MicroProfile Config keys' environment spelling, server.xml variables, Hub variables): "
                    + settings);
        }
    }

    @Test
    void secretReferencesNameTheExampleSecretsKeys() throws Exception {
        Map<String, Object> secret = resource("Secret");
        String example = Files.readString(MANIFESTS.resolve("secret.example.yaml"));
        List<Map<String, Object>> refs = list(container, "env").stream().filter(v -> v.containsKey("valueFrom"))
                .map(v -> map(map(v, "valueFrom"), "secretKeyRef")).toList();
        assertTrue(refs.size() >= 6, "the database, Redis, admin and Hub credentials come from the Secret: " + refs);
        for (Map<String, Object> ref : refs) {
            assertEquals(map(secret, "metadata").get("name"), ref.get("name"), "Secret name of " + ref);
            String key = (String) ref.get("key");
            if (Boolean.TRUE.equals(ref.get("optional"))) {
                assertTrue(example.contains(key + ":"), "the example Secret mentions the optional key " + key);
            } else {
                assertTrue(map(secret, "stringData").containsKey(key), "the example Secret holds the key " + key);
            }
        }
        for (String credential : List.of("SEMA_DB_URL", "SEMA_DB_USER", "SEMA_DB_PASSWORD", "SEMA_REDIS_URL",
                "SEMA_ADMIN_TOKEN", "HF_TOKEN")) {
            assertTrue(list(container, "env").stream().anyMatch(v -> credential.equals(v.get("name"))
                    && v.containsKey("valueFrom")), credential + " comes from the Secret, never from the manifest");
        }
    }

    @Test
    void theGracePeriodCoversPreStopDrainAndQuiesce() throws Exception {
        int drain = Integer.parseInt(env("SEMA_SHUTDOWN_DRAIN_S").orElse(defaults().getProperty(
                "sema.shutdown-drain-s")));
        List<String> preStop = strings(map(map(map(container, "lifecycle"), "preStop"), "exec").get("command"));
        assertEquals("sleep", preStop.get(0), "preStop only waits: " + preStop);
        int sleep = Integer.parseInt(preStop.get(1));
        int grace = (Integer) pod.get("terminationGracePeriodSeconds");
        assertTrue(grace >= sleep + drain + LIBERTY_QUIESCE_S, "terminationGracePeriodSeconds " + grace
                + " < preStop " + sleep + " + drain " + drain + " + Liberty's quiesce " + LIBERTY_QUIESCE_S);
        Map<String, Object> readiness = map(container, "readinessProbe");
        int unreadyAfter = (Integer) readiness.get("periodSeconds") * (Integer) readiness.get("failureThreshold");
        assertTrue(drain >= unreadyAfter, "the drain (" + drain + " s) outlasts the readiness probe's verdict ("
                + unreadyAfter + " s)");
    }

    @Test
    void theHubCacheLiesOnTheSharedVolume() {
        String dataDir = env("SEMA_DATA_DIR").orElseThrow();
        assertTrue(env("HF_HOME").orElseThrow().startsWith(dataDir + "/"), "HF_HOME lies under SEMA_DATA_DIR");
        Map<String, Object> mount = list(container, "volumeMounts").stream()
                .filter(m -> dataDir.equals(m.get("mountPath"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at SEMA_DATA_DIR " + dataDir));
        Map<String, Object> volume = list(pod, "volumes").stream().filter(v -> mount.get("name").equals(v.get("name")))
                .findFirst().orElseThrow();
        Map<String, Object> claim = resource("PersistentVolumeClaim");
        assertEquals(map(claim, "metadata").get("name"), map(volume, "persistentVolumeClaim").get("claimName"));
        assertTrue((Integer) map(resource("HorizontalPodAutoscaler"), "spec").get("maxReplicas") > 1);
        assertEquals(List.of("ReadWriteMany"), strings(map(claim, "spec").get("accessModes")),
                "several replicas mount the one claim");
    }

    @Test
    void theOtherResourcesTargetTheDeploymentsPods() {
        Map<String, Object> labels = map(map(map(deployment, "spec"), "template"), "metadata");
        Map<String, Object> podLabels = map(labels, "labels");
        assertEquals(podLabels, map(map(resource("Service"), "spec"), "selector"), "Service selector");
        assertEquals(podLabels, map(map(map(resource("PodDisruptionBudget"), "spec"), "selector"), "matchLabels"));
        Map<String, Object> target = map(map(resource("HorizontalPodAutoscaler"), "spec"), "scaleTargetRef");
        assertEquals("Deployment", target.get("kind"));
        assertEquals(map(deployment, "metadata").get("name"), target.get("name"));
    }

    /**
     * The original service's four triggers: CPU over 80 % and memory over 85 % in the base autoscaler; the fleet's
     * p95 latency over 5 s and more than 10 queued requests per replica added by the autoscaling/ overlay.
     */
    @Test
    void theAutoscalerScalesOnTheOriginalsFourTriggers() throws Exception {
        Map<String, Integer> utilization = new TreeMap<>();
        for (Map<String, Object> metric : list(map(resource("HorizontalPodAutoscaler"), "spec"), "metrics")) {
            Map<String, Object> resource = map(metric, "resource");
            utilization.put((String) resource.get("name"), (Integer) map(resource, "target").get("averageUtilization"));
        }
        assertEquals(Map.of("cpu", 80, "memory", 85), utilization);
        Map<String, String> added = new TreeMap<>();
        for (Map<String, Object> patch : list(yaml(AUTOSCALING.resolve("hpa-prometheus-metrics.yaml")).get(0),
                "patches")) {
            assertEquals("/spec/metrics/-", patch.get("path"));
            Map<String, Object> metric = map(patch, "value");
            Map<String, Object> source = map(metric, metric.get("type").equals("Pods") ? "pods" : "external");
            Map<String, Object> target = map(source, "target");
            added.put((String) map(source, "metric").get("name"), metric.get("type") + " "
                    + target.get(target.get("type").equals("Value") ? "value" : "averageValue"));
        }
        assertEquals(Map.of("sema_inference_queue_depth", "Pods 10", "sema_request_duration_seconds_p95",
                "External 5"), added);
        assertEquals(List.of(".."), strings(yaml(AUTOSCALING.resolve("kustomization.yaml")).get(0).get("resources")));
    }

    /**
     * What Prometheus and its adapter ask the pods for exists: the scrape annotations and the PodMonitor name the
     * container's port and the metrics route, and the adapter's rules query series the server exports (checked
     * against SemaMetrics itself, {@link dev.sema.observability.ExportedMetrics}) under the names the autoscaler
     * asks for.
     */
    @Test
    void theAutoscalersPrometheusMetricsAreOnesTheServerExports() throws Exception {
        Map<String, Object> podMetadata = map(map(map(deployment, "spec"), "template"), "metadata");
        Map<String, Object> scrape = map(podMetadata, "annotations");
        assertEquals("true", scrape.get("prometheus.io/scrape"));
        assertEquals(String.valueOf(list(container, "ports").get(0).get("containerPort")),
                scrape.get("prometheus.io/port"));
        assertEquals("/metrics", scrape.get("prometheus.io/path"));
        Map<String, Object> podMonitor = yaml(MANIFESTS.resolve("monitoring/podmonitor.yaml")).get(0);
        assertEquals(podMetadata.get("labels"), map(map(podMonitor, "spec"), "selector").get("matchLabels"));
        Map<String, Object> endpoint = list(map(podMonitor, "spec"), "podMetricsEndpoints").get(0);
        assertEquals(List.of("http", "/metrics"), List.of(endpoint.get("port"), endpoint.get("path")));

        Set<String> exported = ExportedMetrics.names();
        Map<String, Object> rules = map(yaml(AUTOSCALING.resolve("prometheus-adapter.values.yaml")).get(0), "rules");
        Set<String> served = new TreeSet<>();
        for (String kind : List.of("custom", "external")) {
            for (Map<String, Object> rule : list(rules, kind)) {
                String series = ((String) rule.get("seriesQuery")).replaceAll("\\{.*", "");
                assertTrue(exported.contains(series), series + " is no series the server exports: " + exported);
                assertEquals("^" + series + "$", map(rule, "name").get("matches"));
                served.add((String) map(rule, "name").get("as"));
            }
        }
        String patch = Files.readString(AUTOSCALING.resolve("hpa-prometheus-metrics.yaml"));
        Set<String> asked = Pattern.compile("name: (sema_[a-z0-9_]+)").matcher(patch).results()
                .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, asked, "the autoscaler asks for exactly the metrics the adapter serves");
    }

    @Test
    void thePodRunsAsTheImagesUser() throws Exception {
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(Files.readString(Path.of("Dockerfile")));
        assertTrue(user.find(), "Dockerfile names its USER uid:gid");
        Map<String, Object> security = map(pod, "securityContext");
        assertEquals(Integer.parseInt(user.group(1)), security.get("runAsUser"));
        assertEquals(Integer.parseInt(user.group(2)), security.get("runAsGroup"));
        assertEquals(true, security.get("runAsNonRoot"));
    }

    /** The application's MicroProfile Health checks: its classes (target/classes) that implement HealthCheck. */
    private static List<Class<?>> healthChecks() throws Exception {
        Path classes = Path.of("target/classes");
        List<Class<?>> checks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, KubernetesManifestsTest.class.getClassLoader());
                if (HealthCheck.class.isAssignableFrom(type)) {
                    checks.add(type);
                }
            }
        }
        assertTrue(checks.size() >= 3, "the scan finds the health checks: " + checks);
        return checks;
    }

    /**
     * Everything the application reads from the environment: the environment spelling of every MicroProfile Config
     * key (with a default, or read in code), server.xml's variables, and the Hugging Face variables the Hub client
     * reads.
     */
    private static Set<String> applicationSettings() throws Exception {
        Set<String> settings = new TreeSet<>(serverXmlVariables().keySet());
        defaults().stringPropertyNames().forEach(key -> settings.add(environmentSpelling(key)));
        Pattern literal = Pattern.compile("\"(sema\\.[a-z0-9.-]+|HF_[A-Z_]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                literal.matcher(Files.readString(source)).results()
                        .forEach(m -> settings.add(environmentSpelling(m.group(1))));
            }
        }
        assertTrue(settings.containsAll(List.of("PORT", "SEMA_DB_URL", "HF_HOME", "SEMA_MAX_CHARACTERS")),
                "the scan finds the settings: " + settings);
        return settings;
    }

    private static String environmentSpelling(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Map<String, String> serverXmlVariables() throws Exception {
        Map<String, String> variables = new TreeMap<>();
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/liberty/config/server.xml").toFile()).getElementsByTagName("variable");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element variable = (Element) nodes.item(i);
            variables.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
        }
        return variables;
    }

    private static Properties defaults() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream(
                "/META-INF/microprofile-config.properties")) {
            defaults.load(Objects.requireNonNull(in));
        }
        return defaults;
    }

    private static Optional<String> env(String name) {
        return list(container, "env").stream().filter(v -> name.equals(v.get("name")))
                .map(v -> (String) v.get("value")).filter(Objects::nonNull).findFirst();
    }

    /** The documents of {@code file}; a document that is a list (a JSON patch) as the mapping {@code patches: […]}. */
    private static List<Map<String, Object>> yaml(Path file) throws Exception {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            new Yaml().loadAll(in).forEach(document -> documents.add(document instanceof List<?> list
                    ? Map.of("patches", list) : map(document)));
        }
        return documents;
    }

    private static Map<String, Object> resource(String kind) {
        List<Map<String, Object>> found = resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        assertEquals(1, found.size(), "one " + kind + " in " + MANIFESTS);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, "a mapping: " + node);
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertTrue(parent.containsKey(key), "no " + key + " in " + parent.keySet());
        return map(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertTrue(parent.get(key) instanceof List, "no list " + key + " in " + parent.keySet());
        return ((List<Object>) parent.get(key)).stream().map(KubernetesManifestsTest::map).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object node) {
        assertTrue(node instanceof List, "a list: " + node);
        return ((List<Object>) node).stream().map(String::valueOf).toList();
    }
}
