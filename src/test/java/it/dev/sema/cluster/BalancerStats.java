package it.dev.sema.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One reading of HAProxy's statistics ({@code /stats;csv}) for the {@code replicas} backend of
 * {@code deploy/haproxy/sema.cfg}: per replica (server {@code r<i>}) and for the backend as a whole. Columns by
 * HAProxy's names, e.g. {@code scur} (requests in progress), {@code stot} (served), {@code wretr} (retries),
 * {@code wredis} (retries sent to another replica), {@code status} (UP, DOWN, "DOWN 1/2" while coming up...).
 */
public record BalancerStats(Map<String, Map<String, String>> rows) {

    private static final String BACKEND = "replicas";

    static BalancerStats parse(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        String[] columns = lines.get(0).replaceFirst("^# ", "").split(",", -1);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < columns.length && c < values.length; c++) {
                row.put(columns[c], values[c]);
            }
            if (BACKEND.equals(row.get("pxname"))) {
                rows.put(row.get("svname"), row);
            }
        }
        return new BalancerStats(Map.copyOf(rows));
    }

    /** The balancer's view of replica {@code i}'s health. */
    public String status(int replica) {
        return value("r" + replica, "status");
    }

    /** A counter of replica {@code i}. */
    public long replica(int replica, String column) {
        return number("r" + replica, column);
    }

    /** A counter of the backend: all replicas together, and what no replica saw (retries, redispatches). */
    public long backend(String column) {
        return number("BACKEND", column);
    }

    private long number(String server, String column) {
        String value = value(server, column);
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private String value(String server, String column) {
        Map<String, String> row = rows.get(server);
        if (row == null || !row.containsKey(column)) {
            throw new IllegalArgumentException("no " + server + "/" + column + " in the balancer's statistics: "
                    + rows.keySet());
        }
        return row.get(column);
    }
}
