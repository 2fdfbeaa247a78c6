package dev.sema.accounts;

/**
 * A key's limits; null means unlimited. Request limits are enforced per server by the rate limiter (like the
 * anonymous ones), character quotas exactly and across servers by the {@link UsageLedger}.
 */
public record KeyLimits(Long requestsPerMinute, Long requestsPerHour, Long charactersPerDay,
                        Long charactersPerMonth) {

    public static final KeyLimits UNLIMITED = new KeyLimits(null, null, null, null);

    public Long characters(Period period) {
        return period == Period.DAY ? charactersPerDay : charactersPerMonth;
    }
}
