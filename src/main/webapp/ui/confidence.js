// Low-confidence sentences of a plain-text translation, marked subtly: a dotted underline and a tooltip.

/**
 * Shows a translation sentence by sentence in output, each sentence in a span, the ones whose score lies below
 * threshold marked. The text stays exactly the translation (spans and separators only).
 * @param {HTMLElement} output
 * @param {{text: string, separator: string, score: number}[]} sentences in order
 * @param {number} threshold mean token log-probability below which a sentence counts as unsure
 */
export function showSentences(output, sentences, threshold) {
  output.replaceChildren(...sentences.flatMap((sentence) => {
    const span = document.createElement('span');
    span.textContent = sentence.text;
    if (typeof sentence.score === 'number' && sentence.score < threshold) {
      span.className = 'unsure';
      span.title = `The model was unsure of this sentence (score ${sentence.score.toFixed(2)}); check it.`;
    }
    return [span, sentence.separator];
  }));
}

/** The sentences of a /translate answer, when they can be told apart: a one-sentence text with its score. */
export function sentencesOf(answer) {
  if (answer.segments) return answer.segments;
  const scores = answer.scores ?? [];
  return scores.length === 1 ? [{ text: answer.translated_text, separator: '', score: scores[0] }] : null;
}
