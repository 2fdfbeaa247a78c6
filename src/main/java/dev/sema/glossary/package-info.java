/**
 * Glossaries: named sets of per-language-pair dictionaries of term pairs, owned by the API key that made
 * them, stored in the accounts database; parsing and validating TSV/CSV entries, and finding a dictionary's
 * source terms in a text ({@link dev.sema.glossary.TermMatcher}). What the decoder then does with a match
 * (a positive constraint) is the translation layer's business; this package knows nothing of tokens.
 */
package dev.sema.glossary;
