package dev.sema.idempotency;

/** What a request with an idempotency key may do. */
public sealed interface Verdict {

    /** The first with this key (or the first since an earlier try failed or its replica died): run it. */
    record Proceed(Claim claim) implements Verdict {
    }

    /** Done before with the same request: send this answer again, charge nothing. */
    record Replay(StoredAnswer answer) implements Verdict {
    }

    /**
     * The same request runs now elsewhere (another connection, another replica).
     *
     * @param replay the running claim is an earlier try of this very request (the balancer's request id matched):
     *               this is the balancer's replay, and the claim's replica may have died
     */
    record Busy(boolean replay) implements Verdict {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Verdict {
    }
}
