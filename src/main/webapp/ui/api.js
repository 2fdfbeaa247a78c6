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

  languages() {
    return this.call('api/v1/languages');
  }

  status() {
    return this.call('api/v1/status');
  }

  /** Usage figures of the API key (404 on servers without accounts). */
  usage() {
    return this.call('api/v1/usage');
  }

  async call(path, { method = 'GET', body, signal } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const key = this.apiKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    let response;
    try {
      response = await fetch(path, { method, headers, body, signal, cache: 'no-store' });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    const json = await response.json().catch(() => ({}));
    if (response.ok) return json;
    const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    throw new ApiError(response.status, json.error ?? 'http_' + response.status,
      json.detail ?? response.statusText, json, Number.isFinite(seconds) ? seconds : null);
  }
}
