package dev.sema.failure;

/**
 * Markup that cannot be translated with every tag kept: XML that is not well-formed, or that needs what the
 * parser refuses on purpose (an entity reference other than the five predefined ones and character
 * references), which is how external entities and entity expansion stay off.
 */
public final class InvalidMarkupException extends SemaException {

    private final String field;
    private final int line;
    private final int column;

    /**
     * @param field  the request field that holds the markup, e.g. {@code texts[2]}
     * @param line   1-based line of the input where parsing stopped
     * @param column 1-based column on that line
     * @param reason what the parser refused, without input text beyond a name
     */
    public InvalidMarkupException(String field, int line, int column, String reason) {
        super("Invalid markup at line " + line + ", column " + column + ": " + reason);
        this.field = field;
        this.line = line;
        this.column = column;
    }

    public String field() {
        return field;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
