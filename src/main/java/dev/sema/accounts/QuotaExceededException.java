package dev.sema.accounts;

/**
 * The request's characters do not fit in what is left of a key's daily or monthly quota.
 *
 * @see #retryAfterSeconds() seconds until the period ends (UTC midnight, or the first of the next month)
 */
public final class QuotaExceededException extends AccountsException {

    private final Period period;
    private final long limit;
    private final long retryAfterSeconds;

    public QuotaExceededException(Period period, long limit, long requested, long retryAfterSeconds) {
        super("Character quota exceeded: " + limit + " per " + period.name().toLowerCase(java.util.Locale.ROOT)
                + " (UTC); this request needs " + requested + ". It renews in " + retryAfterSeconds + " s.");
        this.period = period;
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Period period() {
        return period;
    }

    public long limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
