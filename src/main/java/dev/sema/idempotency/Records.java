package dev.sema.idempotency;

import java.util.Optional;

/**
 * Where idempotency records live, as compare-and-set operations on one string per key: {@code P|fingerprint|token}
 * while a request runs, {@code D|fingerprint|answer} once it answered. Every operation is atomic in the store, so
 * two replicas never both proceed with one key. An empty result means the store could not answer (Redis away).
 */
interface Records {

    String PENDING = "P|";
    String DONE = "D|";

    /** Writes {@code pending} if the key has no record; @return "" if written, else the record there */
    Optional<String> claimOrRead(String key, String pending, long ttlMillis);

    /** Replaces the record if it still is {@code expected}; @return whether it was */
    Optional<Boolean> replace(String key, String expected, String value, long ttlMillis);

    /** Deletes the record if it still is {@code expected}. */
    Optional<Boolean> delete(String key, String expected);

    /** Extends the record's life if it still is {@code expected}. */
    Optional<Boolean> renew(String key, String expected, long ttlMillis);
}
