package dev.sema.observability;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link SemaMetrics} exposes, read from the Prometheus text of SmallRye Metrics 5.1 (the implementation behind
 * Liberty's mpMetrics-5.1): the tests of the deployment files (Prometheus rules, autoscaler, dashboard) check the
 * names they query against it, so a renamed metric fails the build instead of an alert that silently never fires.
 */
public final class ExportedMetrics {

    private static final Pattern SERIES = Pattern.compile("(?m)^(sema_[a-z_]+)[{ ]");

    private ExportedMetrics() {
    }

    /** The application registry SmallRye shares with its Prometheus exposition. */
    static MetricRegistry registry() {
        return SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
    }

    /** The Prometheus text of everything recorded so far in this JVM. */
    static String scrape() {
        registry();
        return Metrics.globalRegistry.getRegistries().stream().filter(PrometheusMeterRegistry.class::isInstance)
                .map(PrometheusMeterRegistry.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("SmallRye registered no Prometheus registry")).scrape();
    }

    /** Records one of every metric, with the values {@code SemaMetricsTest} pins, and registers every gauge. */
    static void recordOneOfEach(SemaMetrics metrics) {
        metrics.gaugeInferenceQueue(() -> 0);
        metrics.gaugeRateLimitClients(() -> 0L);
        metrics.gaugeSharedStoreUp(() -> 1);
        metrics.gaugeModelsReady(() -> 1);
        metrics.gaugeQuotaCharactersAhead(() -> 0L);
        metrics.recordRequest("POST", "/api/v1/translate", 200, Duration.ofMillis(250));
        metrics.recordError("rate_limited", "/translate");
        metrics.recordTranslation("swh_Latn", "eng_Latn", 17, Duration.ofMillis(120));
        metrics.recordTranslationBatch(3);
        metrics.recordDetection("swh_Latn", Duration.ofMillis(3));
        metrics.recordModelLoad("nllb", Duration.ofSeconds(2));
        metrics.recordRateLimited();
        metrics.recordQuotaExceeded();
        metrics.recordAuthFailure("unknown");
        metrics.recordInferenceCancelled("timeout");
        metrics.recordInferenceCancelled("Not a slug!");
        metrics.recordTranslationCache(2, 1, 3);
    }

    /** Every {@code sema_*} series name (with its {@code _total}, {@code _bucket}, ... suffix) the server exposes. */
    public static Set<String> names() {
        recordOneOfEach(new SemaMetrics(registry()));
        Set<String> names = new TreeSet<>();
        Matcher series = SERIES.matcher(scrape());
        while (series.find()) {
            names.add(series.group(1));
        }
        return names;
    }
}
