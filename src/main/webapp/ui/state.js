// Where the page keeps its state: the address (source, target, text: a translation can be shared as a link) and
// localStorage (last languages, options, API key, theme). Storage may be blocked; the page then just forgets.

const PREFIX = 'sema.';
const RECENT_MAX = 5;

export const stored = {
  get(name) {
    try {
      return localStorage.getItem(PREFIX + name);
    } catch {
      return null;
    }
  },
  set(name, value) {
    try {
      if (value === null || value === '') localStorage.removeItem(PREFIX + name);
      else localStorage.setItem(PREFIX + name, String(value));
    } catch {
      // storage blocked or full: nothing to remember with
    }
  },
};

/** Recently chosen languages, most recent first. */
export function recentLanguages() {
  return (stored.get('recent') ?? '').split(',').filter(Boolean);
}

export function rememberLanguage(code) {
  stored.set('recent', [code, ...recentLanguages().filter((c) => c !== code)].slice(0, RECENT_MAX).join(','));
}

/** {source, target, text} from the address; absent parameters are null. */
export function fromAddress() {
  const params = new URLSearchParams(location.search);
  return { source: params.get('source'), target: params.get('target'), text: params.get('text') };
}

/** Replaces (never pushes: typing is not navigation) the address with the current state. */
export function toAddress({ source, target, text }) {
  const params = new URLSearchParams();
  params.set('source', source);
  params.set('target', target);
  if (text) params.set('text', text);
  const query = params.toString();
  if (`?${query}` !== location.search) history.replaceState(null, '', `${location.pathname}?${query}`);
}
