package dev.sema.api;

import dev.sema.accounts.ApiKey;
import dev.sema.accounts.TokenAccounts;
import dev.sema.identity.TokenPlans;
import dev.sema.identity.TokenPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A single sign-on subject's ledger account (accounts), with the character quotas its roles' plan grants (identity):
 * the bridge between the two, which know nothing of each other.
 */
@ApplicationScoped
public class SubjectAccounts {

    private final TokenAccounts accounts;
    private final TokenPlans plans;

    @Inject
    public SubjectAccounts(TokenAccounts accounts, TokenPlans plans) {
        this.accounts = accounts;
        this.plans = plans;
    }

    /** For the CDI client proxy only. */
    protected SubjectAccounts() {
        this(null, null);
    }

    /** @throws dev.sema.accounts.AccountsUnavailableException when its account must be created and cannot be */
    public ApiKey of(TokenPrincipal subject) {
        TokenPlans.Plan plan = plans.of(subject.roles());
        return accounts.account(subject.subject(), plan.charactersPerDay(), plan.charactersPerMonth());
    }
}
