package dev.sema.markup;

/** What an element is to translation. */
enum Role {
    /** Ends a sentence; its content is walked for text of its own (p, li, td, XML splitting tags). */
    BLOCK,
    /** Ends a sentence and is copied verbatim, content included (pre, script, translate="no" on a block). */
    VERBATIM_BLOCK,
    /** Travels with the words it wraps (b, a, span, XML non-splitting tags). */
    INLINE,
    /** Kept whole at its place among the words, never translated (img, code, translate="no" on an inline). */
    ATOMIC,
    /** {@code <br>}: directly in a block it ends a line, which is translated on its own; inside an inline element
     * it is kept in place like an atomic one. */
    BREAK
}
