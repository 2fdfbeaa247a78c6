// When to call /translate: after a pause in typing, at once on request, never while the server asked to wait, and
// never with an answer for text that has since changed (the request in flight is aborted first).

export const DEBOUNCE_MS = 500;

export class Translator {
  /**
   * @param {import('./api.js').SemaApi} api
   * @param {{request: () => object|null, pending: (r) => void, result: (r, body) => void,
   *          failure: (r, error) => void, streams: (r) => boolean, progress: (r, body) => void}} view request()
   *          gives the body to send, or null for nothing to send; streams(r) whether to read it sentence by
   *          sentence from /translate/stream, then progress(r, body) shows each partial answer
   */
  constructor(api, view) {
    this.api = api;
    this.view = view;
    this.timer = null;
    this.controller = null;
    this.waitTimer = null;
  }

  /** The text or a setting changed: what is in flight answers old text, so abort it; translate after a pause. */
  schedule(delay = DEBOUNCE_MS) {
    this.abort();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  /** Translate now (Ctrl/Cmd+Enter, a changed language). */
  now() {
    this.schedule(0);
  }

  abort() {
    this.controller?.abort();
    this.controller = null;
  }

  /** Whether a countdown from Retry-After is running. */
  waiting() {
    return this.waitTimer !== null;
  }

  /**
   * Holds every translation for the given seconds (the server said so with Retry-After), ticking each second,
   * then translates whatever the text is by then.
   */
  wait(seconds, tick) {
    clearInterval(this.waitTimer);
    const end = Date.now() + seconds * 1000;
    const step = () => {
      const left = Math.ceil((end - Date.now()) / 1000);
      if (left > 0) {
        tick(left);
        return;
      }
      clearInterval(this.waitTimer);
      this.waitTimer = null;
      this.run();
    };
    this.waitTimer = setInterval(step, 250);
    step();
  }

  /** Forgets a countdown (the text was cleared, or the visitor changed the key). */
  stopWaiting() {
    clearInterval(this.waitTimer);
    this.waitTimer = null;
  }

  /** The answer of /translate, built from a stream's events, each sentence shown as it arrives. */
  async streamed(request, controller) {
    const answer = { translated_text: '', alternatives: [], segments: [] };
    await this.api.stream(request, controller.signal, (name, data) => {
      if (name === 'start') {
        answer.source_language = data.source_language;
        answer.source_language_confidence = data.source_language_confidence;
        answer.target_language = data.target_language;
      } else if (name === 'segment') {
        answer.translated_text += data.text + data.separator;
        answer.segments.push(data);
        if (this.controller === controller) this.view.progress(request, answer);
      } else if (name === 'done') {
        answer.inference_time = data.inference_time;
      }
    });
    return answer;
  }

  async run() {
    if (this.waiting()) return;
    const request = this.view.request();
    if (!request) return;
    this.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.view.pending(request);
    try {
      const body = this.view.streams(request) ? await this.streamed(request, controller)
        : await this.api.translate(request, controller.signal);
      if (this.controller === controller) this.view.result(request, body);
    } catch (e) {
      if (e.name !== 'AbortError' && this.controller === controller) this.view.failure(request, e);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
