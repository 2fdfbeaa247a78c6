package dev.sema.generation;

/**
 * The next rows a search strategy chose: new row {@code i} continues current row {@code fromRows[i]} and
 * appends {@code tokens[i]}.
 *
 * @param fromRows {@code [next rows]} indices of current rows, repeated when beam search copies a beam
 * @param tokens   {@code [next rows]} the token each next row appends
 */
public record Selection(int[] fromRows, int[] tokens) {
}
