package dev.sema.guard;

/**
 * Who a request is for rate limiting, when something before {@link RateLimitFilter} authenticated it (an API key):
 * set as the request property {@link #PROPERTY}, it replaces the IP address and the anonymous limits.
 *
 * @param client a bounded, secret-free id ({@code key:<key id>}), the bucket's name and the events' client
 * @param limits the client's own limits
 */
public record ClientIdentity(String client, RateLimits limits) {

    public static final String PROPERTY = ClientIdentity.class.getName();
}
