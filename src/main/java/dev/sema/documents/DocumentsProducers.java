package dev.sema.documents;

import dev.sema.accounts.AccountsDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Builds the documents domain's plain objects from its config and the accounts database. */
@ApplicationScoped
public class DocumentsProducers {

    @Produces
    @Singleton
    DocumentStore store(AccountsDatabase database) {
        return new DocumentStore(database);
    }

    @Produces
    @Singleton
    JobQueue queue(AccountsDatabase database, DocumentsConfig config) {
        return new JobQueue(database, Clock.systemUTC(), config.leaseTime());
    }

    @Produces
    @Singleton
    KeyEncryptionKey kek(DocumentsConfig config) {
        return KeyEncryptionKey.load(config);
    }
}
