// What a failed translation means to a person, and whether Sema should try again by itself.

const number = new Intl.NumberFormat('en');

/**
 * @returns {{text: string, tone: 'wait'|'error', retry: number|null, status: boolean, key: boolean}} the words to
 *   show, how they look, seconds after which to translate again by itself (null: not by itself), whether the
 *   server's model status adds to the words, and whether an API key would help
 */
export function explain(error) {
  const wait = (text, fallback, status = false) =>
    ({ text, tone: 'wait', retry: error.retryAfter ?? fallback, status, key: false });
  const fail = (text, key = false) => ({ text, tone: 'error', retry: null, status: false, key });
  switch (error.code) {
    case 'rate_limited':
      return wait('Too many requests for now.', 60);
    case 'model_loading':
      return wait('The model is still loading; Sema translates as soon as it is ready.', 10, true);
    case 'model_not_loaded':
      return wait('Translation is unavailable: the server has no model loaded.', 30, true);
    case 'overloaded':
    case 'timeout':
      return wait('The server is busy.', 5);
    case 'text_too_long':
    case 'payload_too_large':
      return fail(tooLong(error.body.character_count, error.body.max_characters) ?? error.message);
    case 'source_language_undetermined':
      return fail('Sema could not tell which language this is. Choose the source language.');
    case 'network':
      return { ...wait('The server cannot be reached. Check your connection.', 10), tone: 'error' };
    default:
      break;
  }
  if (error.status === 401 || error.status === 403) {
    return fail(`This server needs a valid API key (${error.message}). Enter it under Options.`, true);
  }
  if (error.status >= 500) {
    return fail(`The server failed to translate (request ${error.body.request_id ?? 'unknown'}). Try again later.`);
  }
  return fail(error.message || 'The translation failed.');
}

/** The 413 sentence, also shown before sending a text the server would refuse. */
export function tooLong(count, limit) {
  if (!Number.isFinite(count) || !Number.isFinite(limit)) return null;
  return `The text is too long: ${number.format(count)} characters, the limit is ${number.format(limit)}.`;
}

/** "Retrying in 42 s." — the countdown line under a notice. */
export function countdown(seconds, code) {
  const what = code === 'rate_limited' ? 'You can translate again in' : 'Retrying in';
  return `${what} ${seconds} s.`;
}

/** Short details (a loading model's progress) fit in the notice; longer ones (a failure's reason) go under it. */
const SHORT_DETAIL = 60;

/**
 * The models that are not ready, from /api/v1/status: a summary ("translation: loading (downloading 45%)") and the
 * full reasons.
 */
export function modelStatus(status) {
  const models = (status?.models ?? []).filter((m) => m.state !== 'READY');
  const name = (m) => `${m.name.replace(/_/g, ' ')}: ${m.state.toLowerCase().replace(/_/g, ' ')}`;
  const short = (m) => (m.detail && m.detail.length <= SHORT_DETAIL ? ` (${m.detail})` : '');
  return {
    summary: models.map((m) => name(m) + short(m)).join('; '),
    details: models.filter((m) => m.detail && !short(m)).map((m) => `${name(m)}: ${m.detail}`).join('\n'),
  };
}

export const formatNumber = (n) => number.format(n);
