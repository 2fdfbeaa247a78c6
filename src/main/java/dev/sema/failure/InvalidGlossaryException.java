package dev.sema.failure;

import java.util.List;

/**
 * A glossary the server refuses: entries that do not parse or break a rule (each problem with its line), or a
 * glossary used for a language pair it has no dictionary for.
 */
public final class InvalidGlossaryException extends SemaException {

    private final String field;
    private final List<String> problems;

    /**
     * @param field    the request field at fault, e.g. {@code dictionaries[0].entries} or {@code glossary_id}
     * @param problems one line per problem, e.g. "line 3: empty target term"; the first ones only
     */
    public InvalidGlossaryException(String field, String summary, List<String> problems) {
        super(summary);
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    public String field() {
        return field;
    }

    public List<String> problems() {
        return problems;
    }
}
