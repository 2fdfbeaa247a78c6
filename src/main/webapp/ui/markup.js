// HTML mode of the translator: the source is code, and the translation is shown either rendered in a sandboxed
// frame (srcdoc, no scripts, no access to this page) or as code (textContent) — never parsed into this page.

export class MarkupView {
  /**
   * @param {HTMLSelectElement} format the "Text is" select: '' plain text, 'html'
   * @param {HTMLTextAreaElement} source
   * @param {HTMLElement} output the text output, also the code view
   * @param {HTMLIFrameElement} frame the rendered view
   * @param {HTMLButtonElement} toggle switches between rendered and code
   */
  constructor(format, source, output, frame, toggle) {
    Object.assign(this, { format, source, output, frame, toggle });
    this.rendered = true;
    this.html = '';
    toggle.addEventListener('click', () => {
      this.rendered = !this.rendered;
      this.show(this.html);
    });
    this.apply();
  }

  /** The request's tag_handling, or null for plain text. */
  tagHandling() {
    return this.format.value === 'html' ? 'html' : null;
  }

  /** After the format changed: source styling, and which views exist. */
  apply() {
    const html = this.tagHandling() !== null;
    this.source.classList.toggle('code', html);
    this.toggle.hidden = !html;
    if (!html) this.clear();
  }

  /** Shows a translation; in HTML mode as the chosen view, else as text. */
  show(text) {
    const html = this.tagHandling() !== null;
    this.html = text;
    const rendered = html && this.rendered;
    this.output.hidden = rendered;
    this.output.classList.toggle('code', html && !rendered);
    this.frame.hidden = !rendered;
    this.toggle.textContent = this.rendered ? 'Show code' : 'Show rendered';
    this.toggle.setAttribute('aria-pressed', String(this.rendered));
    this.output.textContent = text;
    this.frame.srcdoc = rendered ? text : '';
  }

  clear() {
    this.html = '';
    this.frame.srcdoc = '';
    this.frame.hidden = true;
    this.output.hidden = false;
    this.output.classList.remove('code');
  }
}
