package it.dev.sema;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A server's {@code /metrics} as numbers keyed by name and labels ({@code mp_scope} left out), for deltas. */
public final class MetricsScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MetricsScrape() {
    }

    public static Map<String, Double> of(Http server) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : server.get("/metrics").expect(200).body().split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
            while (l.find()) {
                if (!l.group(1).equals("mp_scope")) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.merge(m.group(1) + labels, Double.parseDouble(m.group(3)), Double::sum);
        }
        return samples;
    }

    /** The key of a series: its name and label pairs ({@code name, value, name, value, …}). */
    public static String key(String name, String... labels) {
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        return name + sorted;
    }

    public static double delta(Map<String, Double> before, Map<String, Double> after, String name,
                               String... labels) {
        String key = key(name, labels);
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    public static void assertDelta(Map<String, Double> before, Map<String, Double> after, double expected,
                                   String name, String... labels) {
        assertEquals(expected, delta(before, after, name, labels), key(name, labels));
    }
}
