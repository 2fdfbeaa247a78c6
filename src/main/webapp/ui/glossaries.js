// The glossary picker and its small editor: the API key's glossaries (GET /api/v1/glossaries), the entries of the
// current language pair as TSV (import from a file, export to one), saved into the chosen glossary or as a new one.
import { stored } from './state.js';

export class GlossaryPanel {
  /**
   * @param {{pair: () => ({source: string, target: string} | null), onChange: () => void}} hooks pair: the
   *   languages the entries are for (null while the source is detected); onChange: translate again
   */
  constructor($, api, { pair, onChange }) {
    this.api = api;
    this.pair = pair;
    this.select = $('glossary');
    this.editor = $('glossary-editor');
    this.name = $('glossary-name');
    this.entries = $('glossary-entries');
    this.status = $('glossary-status');
    this.known = [];
    this.select.addEventListener('change', () => {
      stored.set('glossary', this.select.value);
      this.loadEntries();
      onChange();
    });
    this.editor.addEventListener('toggle', () => this.loadEntries());
    $('glossary-save').addEventListener('click', () => this.save(onChange));
    $('glossary-export').addEventListener('click', () => this.export());
    $('glossary-import').addEventListener('change', async (event) => {
      const file = event.target.files[0];
      if (file) this.entries.value = await file.text();
      event.target.value = '';
    });
  }

  /** The chosen glossary's id, or null. */
  selected() {
    return this.select.value || null;
  }

  /** Lists the key's glossaries again (after the key changed); without a key or on failure there are none. */
  async refresh(choose = stored.get('glossary')) {
    this.known = [];
    try {
      this.known = this.api.apiKey() ? (await this.api.glossaries()).glossaries : [];
    } catch (e) {
      this.say(e.status === 403 ? 'This key may not use glossaries.' : '');
    }
    this.select.replaceChildren(new Option('None', ''),
      ...this.known.map((g) => new Option(g.name, g.glossary_id)));
    this.select.value = this.known.some((g) => g.glossary_id === choose) ? choose : '';
    this.loadEntries();
  }

  /** Fills the editor with the chosen glossary's name and its entries for the current pair (if it has them). */
  async loadEntries() {
    const chosen = this.known.find((g) => g.glossary_id === this.selected());
    this.name.value = chosen?.name ?? '';
    this.entries.value = '';
    const pair = this.pair();
    if (!chosen || !pair || !this.editor.open) return;
    const has = chosen.dictionaries.some((d) => d.source_language === pair.source && d.target_language === pair.target);
    if (!has) return;
    try {
      this.entries.value = await this.api.glossaryEntries(chosen.glossary_id, pair.source, pair.target);
    } catch (e) {
      this.say(e.message);
    }
  }

  async save(onChange) {
    const pair = this.pair();
    if (!pair) {
      this.say('Choose the source language first: entries belong to a language pair.');
      return;
    }
    const body = { name: this.name.value.trim() || 'Glossary', dictionaries: [{ source_language: pair.source,
      target_language: pair.target, entries: this.entries.value, entries_format: 'tsv' }] };
    try {
      const saved = await this.api.saveGlossary(this.selected(), body);
      stored.set('glossary', saved.glossary_id);
      await this.refresh(saved.glossary_id);
      const count = saved.dictionaries.find((d) => d.source_language === pair.source
        && d.target_language === pair.target)?.entry_count ?? 0;
      this.say(`Saved: ${count} ${count === 1 ? 'entry' : 'entries'}, version ${saved.version}.`);
      onChange();
    } catch (e) {
      const problems = (e.body?.errors ?? []).map((p) => p.message);
      this.say([e.message, ...problems].join(' '));
    }
  }

  export() {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([this.entries.value], { type: 'text/tab-separated-values' }));
    link.download = `${this.name.value.trim() || 'glossary'}.tsv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  say(text) {
    this.status.textContent = text;
  }
}
