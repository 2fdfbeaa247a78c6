package dev.sema.api.glossaries;

import dev.sema.accounts.AccountsDatabase;
import dev.sema.glossary.Glossaries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link Glossaries}, over the accounts database (opened on first use, as accounts do). */
@ApplicationScoped
public class GlossaryProducer {

    @Produces
    @Singleton
    Glossaries glossaries(AccountsDatabase database) {
        return new Glossaries(database);
    }
}
