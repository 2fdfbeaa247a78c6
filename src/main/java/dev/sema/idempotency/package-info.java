/**
 * Exactly-once answers for retried requests: {@link dev.sema.idempotency.IdempotencyRecords} keeps each
 * idempotency key's claim and answer, shared by the replicas through Redis ({@code fleet.SharedStore}).
 */
package dev.sema.idempotency;
