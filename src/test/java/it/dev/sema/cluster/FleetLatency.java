package it.dev.sema.cluster;

import java.util.List;
import java.util.Locale;

/**
 * The latency buckets the server exports (sema_request_duration_seconds, in META-INF/microprofile-config.properties)
 * and what a histogram over them can say about a percentile: {@code histogram_quantile} finds the bucket where the
 * rank falls and interpolates linearly inside it, so its answer is only known to lie within that bucket.
 */
final class FleetLatency {

    static final List<Double> BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
            60.0, Double.POSITIVE_INFINITY);

    private FleetLatency() {
    }

    /** The q-quantile of {@code sorted} by the nearest-rank method. */
    static double quantile(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** The upper bound of the bucket holding {@code seconds}. */
    static double upper(double seconds) {
        return BOUNDS.stream().filter(b -> seconds <= b).findFirst().orElseThrow();
    }

    /** The lower bound of the bucket holding {@code seconds} (0 for the first). */
    static double lower(double seconds) {
        return BOUNDS.stream().filter(b -> b < seconds).reduce((a, b) -> b).orElse(0.0);
    }

    static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }
}
