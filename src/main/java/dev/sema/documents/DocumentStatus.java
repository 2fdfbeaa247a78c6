package dev.sema.documents;

import java.util.Arrays;

/** Where a document's job stands, as the API and the {@code documents.status} column spell it. */
public enum DocumentStatus {
    QUEUED("queued"),
    TRANSLATING("translating"),
    DONE("done"),
    ERROR("error");

    private final String code;

    DocumentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the job still waits or runs: it holds quota and a wrapped key, and counts against the limits. */
    public boolean inFlight() {
        return this == QUEUED || this == TRANSLATING;
    }

    static DocumentStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown document status " + code));
    }
}
