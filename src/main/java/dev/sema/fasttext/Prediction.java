package dev.sema.fasttext;

/**
 * One predicted label.
 *
 * @param label       the model's label without the {@code __label__} prefix (lid.176: {@code en}; lid218e:
 *                    {@code eng_Latn})
 * @param probability {@code exp} of fastText's score, as {@code fasttext predict-prob} prints it; fastText adds
 *                    1e-5 before taking logs, so a certain prediction reads 1.00001
 */
public record Prediction(String label, float probability) {
}
