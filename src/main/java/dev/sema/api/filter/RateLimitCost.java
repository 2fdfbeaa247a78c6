package dev.sema.api.filter;

/**
 * A request body that costs more than one request of quota. A batch request record implements it with its
 * text count; {@link RateLimitFilter} charges the difference once the body has been read, before the resource
 * method runs, so an over-quota batch never reaches the model.
 */
public interface RateLimitCost {

    /** Requests of quota this body costs, at least 1 (a batch of n texts costs n). */
    int rateLimitCost();
}
