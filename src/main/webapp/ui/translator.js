// When to call /translate: after a pause in typing, at once on request, never while the server asked to wait, and
// never with an answer for text that has since changed (the request in flight is aborted first).

export const DEBOUNCE_MS = 500;

export class Translator {
  /**
   * @param {import('./api.js').SemaApi} api
   * @param {{request: () => object|null, pending: (r) => void, result: (r, body) => void,
   *          failure: (r, error) => void}} view request() gives the body to send, or null for nothing to send
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

  async run() {
    if (this.waiting()) return;
    const request = this.view.request();
    if (!request) return;
    this.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.view.pending(request);
    try {
      const body = await this.api.translate(request, controller.signal);
      if (this.controller === controller) this.view.result(request, body);
    } catch (e) {
      if (e.name !== 'AbortError' && this.controller === controller) this.view.failure(request, e);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
