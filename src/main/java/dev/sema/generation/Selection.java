package dev.sema.generation;

/**
 * The next rows a search strategy chose: new row {@code i} continues current row {@code fromRows[i]} and
 * appends {@code tokens[i]}.
 */
record Selection(int[] fromRows, int[] tokens) {
}
