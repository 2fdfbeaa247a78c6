package dev.sema.api.glossaries;

import dev.sema.accounts.AccountsConfig;
import dev.sema.glossary.Glossaries;
import dev.sema.glossary.Glossary;
import dev.sema.translation.Term;
import dev.sema.translation.TermBook;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * {@code glossary_id} on the translation routes: the caller's glossary as a {@link TermBook}, and the entries a
 * translation applied as the response lists them.
 */
@ApplicationScoped
public class GlossaryUse {

    private final Glossaries glossaries;
    private final AccountsConfig accounts;

    @Inject
    public GlossaryUse(Glossaries glossaries, AccountsConfig accounts) {
        this.glossaries = glossaries;
        this.accounts = accounts;
    }

    /** For the CDI client proxy only. */
    protected GlossaryUse() {
        this(null, null);
    }

    /**
     * @return {@link TermBook#NONE} without an id
     * @throws dev.sema.failure.GlossaryNotFoundException when the caller has no such glossary
     */
    public TermBook termBook(String glossaryId, HttpServletRequest request) {
        if (glossaryId == null) {
            return TermBook.NONE;
        }
        Glossary glossary = glossaries.get(Viewers.of(request, accounts), glossaryId);
        return (source, target) -> glossaries.terms(glossary, source, target);
    }

    /**
     * The caller's glossary, as it is now (a document takes this version's terms at upload); null when the upload's
     * form field is absent or blank, as a form sends a field left empty.
     *
     * @throws dev.sema.failure.GlossaryNotFoundException when the caller has no such glossary
     */
    public Glossary glossary(String glossaryId, HttpServletRequest request) {
        return glossaryId == null || glossaryId.isBlank() ? null
                : glossaries.get(Viewers.of(request, accounts), glossaryId.strip());
    }

    /** The applied entries for a response: null (absent) when the request named no glossary. */
    public static List<GlossaryEntries.Entry> applied(String glossaryId, List<Term> terms) {
        return glossaryId == null ? null
                : terms.stream().map(t -> new GlossaryEntries.Entry(t.source(), t.target())).toList();
    }
}
