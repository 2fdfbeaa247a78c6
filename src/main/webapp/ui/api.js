// The Sema REST API as the page uses it. Paths are relative, so the page also works behind a proxy prefix.

/** A failed call: HTTP status (0 when the server could not be reached) and the body's error code and detail. */
export class ApiError extends Error {
  constructor(status, code, detail, body = {}, retryAfter = null) {
    super(detail);
    this.status = status;
    this.code = code;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

export class SemaApi {
  /** @param {() => string} apiKey the current key ('' for none), read at each call */
  constructor(apiKey) {
    this.apiKey = apiKey;
  }

  translate(request, signal) {
    return this.call('api/v1/translate', { method: 'POST', body: JSON.stringify(request), signal });
  }

  /**
   * POST /translate/stream, read with fetch (EventSource cannot POST): calls onEvent(name, data) for each event as
   * it arrives and resolves once the stream ends. A refusal before the first byte throws like call(); an `error`
   * event throws its ApiError; aborting the signal closes the connection, which stops the server's work.
   */
  async stream(request, signal, onEvent) {
    const response = await this.send('api/v1/translate/stream', 'text/event-stream',
      { method: 'POST', body: JSON.stringify(request), signal });
    if (!response.ok) throw await failure(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer = (buffer + value).replace(/\r\n?/g, '\n');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event.name === 'error') {
          throw new ApiError(200, event.data.error ?? 'internal_error', event.data.detail ?? '', event.data);
        }
        onEvent(event.name, event.data);
      }
    }
  }

  languages() {
    return this.call('api/v1/languages');
  }

  /** POST /documents with a FormData of file, target_language and optional source_language. */
  uploadDocument(form) {
    return this.call('api/v1/documents', { method: 'POST', body: form });
  }

  documentStatus(id, documentKey) {
    return this.call(`api/v1/documents/${encodeURIComponent(id)}`, { headers: { 'Document-Key': documentKey } });
  }

  /** The translated file as a Blob, with the name the server gave it. */
  async documentResult(id, documentKey) {
    const response = await this.send(`api/v1/documents/${encodeURIComponent(id)}/result`, '*/*',
      { headers: { 'Document-Key': documentKey } });
    if (!response.ok) throw await failure(response);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="([^"]*)"/.exec(disposition)?.[1] ?? 'document';
    return { name, blob: await response.blob() };
  }

  status() {
    return this.call('api/v1/status');
  }

  /** Usage figures of the API key (404 on servers without accounts). */
  usage() {
    return this.call('api/v1/usage');
  }

  /** The key's glossaries (an admin's: all). */
  glossaries() {
    return this.call('api/v1/glossaries');
  }

  /** One dictionary's entries as TSV text. */
  async glossaryEntries(id, sourceLanguage, targetLanguage) {
    const query = new URLSearchParams({ source_language: sourceLanguage, target_language: targetLanguage });
    const response = await this.send(`api/v1/glossaries/${encodeURIComponent(id)}/entries?${query}`,
      'text/tab-separated-values');
    if (!response.ok) throw await failure(response);
    return response.text();
  }

  /** POST a new glossary, or with an id PATCH that glossary (its dictionaries replace those of their pairs). */
  saveGlossary(id, body) {
    return id
      ? this.call(`api/v1/glossaries/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(body) })
      : this.call('api/v1/glossaries', { method: 'POST', body: JSON.stringify(body) });
  }

  async call(path, options = {}) {
    const response = await this.send(path, 'application/json', options);
    if (!response.ok) throw await failure(response);
    return response.json().catch(() => ({}));
  }

  /** The response, whatever its status; an unreachable server is an ApiError with status 0. */
  async send(path, accept, { method = 'GET', body, signal, headers: extra = {} } = {}) {
    const headers = { Accept: accept, ...extra };
    // A FormData body sets its own multipart Content-Type, boundary included.
    if (body !== undefined && !(body instanceof FormData)) headers['Content-Type'] = 'application/json';
    const key = this.apiKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    try {
      return await fetch(path, { method, headers, body, signal, cache: 'no-store' });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
  }
}

/** The ApiError of a response that is not 2xx, from its JSON error body and Retry-After. */
async function failure(response) {
  const json = await response.json().catch(() => ({}));
  const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, json.error ?? 'http_' + response.status,
    json.detail ?? response.statusText, json, Number.isFinite(seconds) ? seconds : null);
}

/** One Server-Sent Event block: its name (default `message`) and its JSON data. */
function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return { name, data: data.length ? JSON.parse(data.join('\n')) : {} };
}
