package dev.sema.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one token verifier of the application (its key cache is shared by all requests). */
@ApplicationScoped
public class IdentityProducers {

    @Produces
    @Singleton
    TokenVerifier verifier(TokenConfig config) {
        return new TokenVerifier(config);
    }
}
