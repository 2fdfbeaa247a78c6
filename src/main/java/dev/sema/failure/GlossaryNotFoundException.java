package dev.sema.failure;

/** No glossary with that id, or one the caller may not see (the same answer, so ids do not leak). */
public final class GlossaryNotFoundException extends SemaException {

    public GlossaryNotFoundException(String id) {
        super("No glossary '" + id + "'. Use GET /api/v1/glossaries to list yours.");
    }
}
