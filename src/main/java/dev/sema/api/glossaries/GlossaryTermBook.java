package dev.sema.api.glossaries;

import dev.sema.glossary.Glossaries;
import dev.sema.glossary.Glossary;
import dev.sema.glossary.TermMatcher;
import dev.sema.translation.Term;
import dev.sema.translation.TermBook;
import dev.sema.translation.Terminology;

import java.util.List;

/** A glossary as the translation engine's {@link TermBook}: its dictionary for the pair, matched per segment. */
record GlossaryTermBook(Glossaries glossaries, Glossary glossary) implements TermBook {

    @Override
    public Terminology forPair(String source, String target) {
        TermMatcher matcher = glossaries.matcher(glossary, source, target);
        String identity = glossary.identity() + "/" + source + "/" + target;
        return new Terminology() {
            @Override
            public String identity() {
                return identity;
            }

            @Override
            public List<Term> find(String segment) {
                return matcher.find(segment).stream().map(m -> new Term(m.entry().source(), m.entry().target())).toList();
            }
        };
    }
}
