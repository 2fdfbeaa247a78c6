package dev.sema.api.glossaries;

import dev.sema.accounts.AccountsConfig;
import dev.sema.accounts.AccountsMode;
import dev.sema.accounts.AccountsOffException;
import dev.sema.accounts.ApiKeyRequiredException;
import dev.sema.accounts.Scope;
import dev.sema.api.filter.Caller;
import dev.sema.glossary.Viewer;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The glossary viewer behind a request: a key owns what it creates and sees its own; keys with
 * {@code admin:keys} see all (the admin token only reaches admin routes, so it never gets here). Glossaries live in the accounts database, so they need API keys on, and an
 * anonymous caller owns nothing.
 */
public final class Viewers {

    private Viewers() {
    }

    public static Viewer of(HttpServletRequest request, AccountsConfig accounts) {
        if (accounts.mode() == AccountsMode.OFF) {
            throw new AccountsOffException();
        }
        if (!(request.getAttribute(Caller.PROPERTY) instanceof Caller caller) || caller.actor().equals("anonymous")) {
            throw new ApiKeyRequiredException();
        }
        return new Viewer(caller.actor(), caller.scopes().contains(Scope.ADMIN_KEYS));
    }
}
