package dev.sema.translation;

/** A term the client requires: {@code source} occurs in a segment, whose translation must contain {@code target}. */
public record Term(String source, String target) {
}
