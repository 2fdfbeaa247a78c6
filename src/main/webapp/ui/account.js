// The API key field (for servers that require keys) and the key's usage figures where the server reports them.
import { stored } from './state.js';
import { formatNumber } from './messages.js';

export class Account {
  /**
   * @param {{onChange: () => void, fetchUsage: () => Promise<object>}} hooks onChange: the key changed (translate
   *   again with it); fetchUsage: GET /api/v1/usage with the key
   */
  constructor(input, forget, usageLine, { onChange, fetchUsage }) {
    this.input = input;
    this.forget = forget;
    this.usageLine = usageLine;
    this.fetchUsage = fetchUsage;
    this.usageSupported = true;
    input.value = stored.get('apiKey') ?? '';
    forget.hidden = !input.value;
    input.addEventListener('change', () => this.changed(onChange));
    forget.addEventListener('click', () => {
      input.value = '';
      this.changed(onChange);
      input.focus();
    });
  }

  key() {
    return this.input.value.trim();
  }

  changed(onChange) {
    stored.set('apiKey', this.key());
    this.forget.hidden = !this.key();
    this.refreshUsage();
    onChange();
  }

  /**
   * Shows the key's usage figures. Quietly shows nothing without a key, on a server without the usage endpoint
   * (404: never asked again) or when the call fails.
   */
  async refreshUsage() {
    let lines = [];
    if (this.key() && this.usageSupported) {
      this.usageLine.setAttribute('aria-busy', 'true');
      try {
        lines = describeUsage(await this.fetchUsage());
      } catch (e) {
        if (e.status === 404 || e.status === 405) this.usageSupported = false;
      }
    }
    this.usageLine.textContent = lines.join(' · ');
    this.usageLine.hidden = lines.length === 0;
    this.usageLine.removeAttribute('aria-busy');
  }
}

/**
 * "Day: 1,200 of 10,000 characters, 14 requests": from a usage object that has character_count (and maybe
 * character_limit, requests) at the top or per period (day, month, …).
 */
export function describeUsage(usage) {
  const line = (label, u) => {
    if (typeof u?.character_count !== 'number') return null;
    const limit = typeof u.character_limit === 'number' ? ` of ${formatNumber(u.character_limit)}` : '';
    const requests = typeof u.requests === 'number' ? `, ${formatNumber(u.requests)} requests` : '';
    return `${label}${formatNumber(u.character_count)}${limit} characters${requests}`;
  };
  const top = line('Usage: ', usage);
  if (top) return [top];
  return Object.entries(usage)
    .map(([period, u]) => line(`${period[0].toUpperCase()}${period.slice(1)}: `, u))
    .filter(Boolean);
}
