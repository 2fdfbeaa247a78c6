package dev.sema.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The only JAX-RS application: resources live in {@code dev.sema.api}. */
@ApplicationPath("/")
public class SemaApplication extends Application {
}
