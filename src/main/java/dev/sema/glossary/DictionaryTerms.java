package dev.sema.glossary;

import dev.sema.translation.Term;
import dev.sema.translation.Terminology;

import java.util.List;

/**
 * One dictionary of a glossary version as the terms translation requires: its source terms found per segment by
 * the dictionary's {@link TermMatcher}, each with its target term.
 *
 * @param identity the glossary version and pair, e.g. {@code g_…@3/eng_Latn/fra_Latn}, which caches key by
 */
record DictionaryTerms(String identity, TermMatcher matcher) implements Terminology {

    @Override
    public List<Term> find(String segment) {
        return matcher.find(segment).stream().map(m -> new Term(m.entry().source(), m.entry().target())).toList();
    }
}
