package dev.sema.api.filter;

import dev.sema.accounts.Scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a route needs ({@link AccessFilter}); on a method, or on a resource class for all its methods. Admin
 * scopes also make the route an admin route: it exists only with {@code sema.admin-token} and never admits an
 * anonymous caller.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {
    Scope value();
}
