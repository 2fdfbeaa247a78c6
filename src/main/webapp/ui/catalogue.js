// The 202 languages from /api/v1/languages: lookup by code or alias, ranked search, writing direction.

/** Scripts written right to left (CLDR names, as the catalogue gives them). */
const RTL_SCRIPTS = new Set(['Arabic', 'Hebrew', 'Syriac', 'Thaana', 'N’Ko', 'Adlam', 'Samaritan', 'Mandaic']);

/** Lower case without accents, so "francais" finds "Français". */
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export class Catalogue {
  /** @param {Record<string, object>} languages the endpoint's `languages` map, keyed by canonical code */
  constructor(languages) {
    this.all = Object.values(languages)
      .map((l) => ({ ...l, keys: { name: fold(l.name), native: fold(l.native_name), code: l.code.toLowerCase(),
        aliases: l.aliases.map(fold) } }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    this.byKey = new Map();
    for (const l of this.all) {
      this.byKey.set(l.keys.code, l);
      for (const alias of l.keys.aliases) if (!this.byKey.has(alias)) this.byKey.set(alias, l);
    }
    for (const l of this.all) if (!this.byKey.has(l.keys.name)) this.byKey.set(l.keys.name, l);
    this.popular = this.all.filter((l) => l.popular);
  }

  /** A language by canonical code, alias (ISO 639) or English name, as the API resolves them; else undefined. */
  find(codeOrAlias) {
    return codeOrAlias ? this.byKey.get(fold(String(codeOrAlias).trim())) : undefined;
  }

  /**
   * Languages matching a query, best first: exact code or alias, then name or native name starting with it, then
   * a word of a name starting with it, then any substring of names, codes or aliases. Popular languages first
   * within a rank.
   */
  search(query) {
    const q = fold(query.trim());
    if (!q) return this.all;
    const ranked = [];
    for (const l of this.all) {
      const rank = Catalogue.rank(l.keys, q);
      if (rank < Infinity) ranked.push({ l, rank });
    }
    return ranked.sort((a, b) => a.rank - b.rank || b.l.popular - a.l.popular).map((r) => r.l);
  }

  static rank(keys, q) {
    if (keys.code === q || keys.aliases.includes(q)) return 0;
    if (keys.name.startsWith(q) || keys.native.startsWith(q)) return 1;
    const words = `${keys.name} ${keys.native}`.split(/[\s()'’-]+/);
    if (words.some((w) => w.startsWith(q))) return 2;
    if (keys.code.startsWith(q) || keys.aliases.some((a) => a.startsWith(q))) return 3;
    if (keys.name.includes(q) || keys.native.includes(q)) return 4;
    return Infinity;
  }

  /** 'rtl' for right-to-left scripts, 'ltr' otherwise, 'auto' when the language is unknown. */
  direction(code) {
    const l = this.find(code);
    return !l ? 'auto' : RTL_SCRIPTS.has(l.script) ? 'rtl' : 'ltr';
  }

  /** A BCP 47 tag for the lang attribute (fonts, speech): the ISO 639-1 alias if there is one, else ISO 639-3. */
  langTag(code) {
    const l = this.find(code);
    if (!l) return '';
    return l.aliases.find((a) => /^[a-z]{2}$/.test(a)) ?? l.code.slice(0, 3);
  }
}
