package dev.sema.accounts;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Builds the accounts domain from MicroProfile Config and the Liberty dataSource {@code jdbc/sema}. */
@ApplicationScoped
public class AccountsProducers {

    // Field injection: a producer bean's container resources are only offered to fields.
    @Resource(lookup = "jdbc/sema")
    DataSource dataSource;

    @Produces
    @Singleton
    AccountsConfig config(@ConfigProperty(name = "sema.api-keys") String mode,
                          @ConfigProperty(name = "sema.api-key-cache-seconds") int keyCacheSeconds,
                          @ConfigProperty(name = "sema.accounts-retry-after") int retryAfterSeconds,
                          @ConfigProperty(name = "sema.accounts-reservation-timeout") int reservationTimeoutSeconds,
                          @ConfigProperty(name = "sema.accounts-lease-characters") long leaseCharacters,
                          @ConfigProperty(name = "sema.audit-retention") int auditRetentionDays) {
        return new AccountsConfig(AccountsMode.parse(mode), Duration.ofSeconds(keyCacheSeconds), retryAfterSeconds,
                Duration.ofSeconds(reservationTimeoutSeconds), leaseCharacters, Duration.ofDays(auditRetentionDays));
    }

    @Produces
    @Singleton
    AccountsDatabase database(AccountsConfig config) {
        return new AccountsDatabase(dataSource, config.retryAfterSeconds());
    }

    @Produces
    @Singleton
    UsageLedger ledger(AccountsDatabase database) {
        return new UsageLedger(database, Clock.systemUTC());
    }

    @Produces
    @Singleton
    AuditTrail audit(AccountsDatabase database) {
        return new AuditTrail(database, Clock.systemUTC());
    }

    @Produces
    @Singleton
    Leases leases(AccountsConfig config) {
        return new Leases(config.leaseCharacters(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    UsageSettler settler(UsageLedger ledger, Leases leases) {
        return new UsageSettler(ledger, leases);
    }

    @Produces
    @Singleton
    Quotas quotas(UsageLedger ledger, UsageSettler settler, Leases leases, AccountsConfig config,
                  AccountsEvents events) {
        return new Quotas(ledger, settler, leases, config.reservationTimeout(), events);
    }

    @Produces
    @Singleton
    TokenAccounts tokenAccounts(AccountsDatabase database) {
        return new TokenAccounts(database, Clock.systemUTC());
    }

    @Produces
    @Singleton
    KeyAuthenticator authenticator(AccountsConfig config, AccountsDatabase database, AccountsEvents events) {
        return new KeyAuthenticator(config, new KeyStore(database), events, Clock.systemUTC());
    }

    @Produces
    @Singleton
    KeyAdministration administration(AccountsDatabase database, UsageLedger ledger, UsageSettler settler,
                                     KeyAuthenticator authenticator, AccountsEvents events,
                                     @ConfigProperty(name = "sema.signing-kek") Optional<String> signingKek) {
        return new KeyAdministration(new KeyStore(database), ledger, settler, authenticator, events,
                new SigningSecrets(signingKek), Clock.systemUTC());
    }
}
