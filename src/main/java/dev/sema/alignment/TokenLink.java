package dev.sema.alignment;

/** Source token {@code source} aligned to target token {@code target} (indices into the compared tokens). */
record TokenLink(int source, int target) {
}
