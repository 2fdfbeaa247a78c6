package dev.sema.models;

/**
 * A model-backed bean (translation engine, language detector). Health checks and status endpoints
 * discover every implementation through CDI and report their {@link ModelStatus}.
 */
public interface ManagedModel {

    ModelStatus status();
}
