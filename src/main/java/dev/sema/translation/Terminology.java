package dev.sema.translation;

import java.util.List;

/**
 * The terms a request requires, per segment (a glossary's dictionary for the request's language pair). The
 * engine turns each found term into a constraint on that segment's decoding; segments without terms decode as
 * if there were no terminology at all.
 */
public interface Terminology {

    /** No terms: plain translation. */
    Terminology NONE = new Terminology() {
        @Override
        public String identity() {
            return "";
        }

        @Override
        public List<Term> find(String segment) {
            return List.of();
        }
    };

    /**
     * What tells this terminology's outputs apart in caches, e.g. a glossary's id and version: a changed
     * glossary must not be served translations made under its previous entries. Empty only for {@link #NONE}.
     */
    String identity();

    /** The terms that occur in {@code segment}, in text order, never overlapping. */
    List<Term> find(String segment);
}
