package dev.sema.signatures;

import dev.sema.fleet.SharedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The signature verifier, with its nonces in the replicas' shared store (or this server's memory). */
@ApplicationScoped
public class SignatureProducers {

    @Produces
    @Singleton
    MessageSignatures signatures(SignatureConfig config, SharedStore store) {
        return new MessageSignatures(config, Nonces.open(config, store), Clock.systemUTC());
    }
}
