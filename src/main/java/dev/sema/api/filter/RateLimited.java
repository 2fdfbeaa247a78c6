package dev.sema.api.filter;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method under the per-client quota ({@link RateLimitFilter}). Every annotated method draws
 * from the same budget, so moving between {@code /translate}, {@code /api/v1/translate} and the batch endpoint
 * does not multiply a client's allowance.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {
}
