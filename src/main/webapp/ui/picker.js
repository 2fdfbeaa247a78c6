// A language picker: a button that opens a searchable list box (the WAI-ARIA combobox pattern). Keyboard: arrows,
// Page Up/Down, Enter to choose, Escape to close; typing on the closed button starts a search.

export const DETECT = 'auto';
const PAGE = 8;
const CHEVRON = '<svg class="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="m6 9 6 6 6-6"/></svg>';

export class LanguagePicker {
  /**
   * @param {HTMLElement} root empty element with data-role (source|target) and data-label (its caption)
   * @param {import('./catalogue.js').Catalogue} catalogue
   * @param {{recent: () => string[], onChange: (code: string, previous: string) => void}} hooks
   */
  constructor(root, catalogue, { recent, onChange }) {
    this.root = root;
    this.catalogue = catalogue;
    this.recent = recent;
    this.onChange = onChange;
    this.allowDetect = root.dataset.role === 'source';
    this.value = null;
    this.options = [];
    this.active = -1;
    this.build(root.id, root.dataset.label);
  }

  build(id, label) {
    this.button = el('button', { type: 'button', class: 'picker-button', id: `${id}-button`,
      'aria-haspopup': 'listbox', 'aria-expanded': 'false', 'aria-controls': `${id}-popup` });
    const text = el('span', { class: 'picker-text' });
    this.valueText = el('span', { class: 'picker-value' });
    text.append(el('span', { class: 'picker-caption' }, label), this.valueText);
    this.button.append(text);
    this.button.insertAdjacentHTML('beforeend', CHEVRON);
    this.popup = el('div', { class: 'picker-popup', id: `${id}-popup`, hidden: '' });
    this.search = el('input', { type: 'text', class: 'picker-search', role: 'combobox', 'aria-expanded': 'true',
      'aria-autocomplete': 'list', 'aria-controls': `${id}-list`, 'aria-label': `Search languages: ${label.toLowerCase()}`,
      placeholder: `Search ${this.catalogue.all.length} languages`, autocomplete: 'off', spellcheck: 'false' });
    this.list = el('div', { class: 'picker-list', role: 'listbox', id: `${id}-list`, 'aria-label': label });
    this.popup.append(this.search, this.list);
    this.root.append(this.button, this.popup);

    this.button.addEventListener('click', () => (this.isOpen() ? this.close(true) : this.open('')));
    this.button.addEventListener('keydown', (e) => this.onButtonKey(e));
    this.search.addEventListener('input', () => this.render(this.search.value));
    this.search.addEventListener('keydown', (e) => this.onSearchKey(e));
    this.list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the search field
    this.list.addEventListener('click', (e) => {
      const option = e.target.closest('[role="option"]');
      if (option) this.choose(option.dataset.code);
    });
    this.root.addEventListener('focusout', (e) => {
      // Focus moved elsewhere in the page; a window losing focus (another tab, app) leaves the list open.
      if (this.isOpen() && document.hasFocus() && !this.root.contains(e.relatedTarget)) this.close(false);
    });
    document.addEventListener('pointerdown', (e) => {
      if (this.isOpen() && !this.root.contains(e.target)) this.close(false);
    });
  }

  /** Shows a language (or DETECT) without telling onChange. */
  set(code) {
    this.value = code;
    const language = this.catalogue.find(code);
    this.valueText.textContent = code === DETECT ? 'Detect language' : language ? language.name : code;
  }

  isOpen() {
    return !this.popup.hidden;
  }

  open(query) {
    this.popup.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.search.value = query;
    this.render(query);
    this.search.focus();
  }

  close(refocus) {
    this.popup.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    this.search.removeAttribute('aria-activedescendant');
    if (refocus) this.button.focus();
  }

  choose(code) {
    this.close(true);
    const previous = this.value;
    if (code !== previous) {
      this.set(code);
      this.onChange(code, previous);
    }
  }

  onButtonKey(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.open('');
    } else if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.open(e.key);
    }
  }

  onSearchKey(e) {
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE };
    if (e.key in moves) {
      e.preventDefault();
      this.activate(Math.max(0, Math.min(this.options.length - 1, this.active + moves[e.key])));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.active >= 0) this.choose(this.options[this.active].dataset.code);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
    }
  }

  /** The list for a query: without one, Detect, recent and popular languages come before all of them. */
  render(query) {
    const groups = [];
    const q = query.trim();
    if (q) {
      const detect = this.allowDetect && /^(detect|auto)/i.test(q) ? [DETECT] : [];
      groups.push({ title: null, codes: [...detect, ...this.catalogue.search(q).map((l) => l.code)] });
    } else {
      if (this.allowDetect) groups.push({ title: null, codes: [DETECT] });
      const recent = this.recent().filter((c) => c !== DETECT && this.catalogue.find(c));
      if (recent.length) groups.push({ title: 'Recent', codes: recent });
      groups.push({ title: 'Popular', codes: this.catalogue.popular.map((l) => l.code) });
      groups.push({ title: 'All languages', codes: this.catalogue.all.map((l) => l.code) });
    }
    this.list.replaceChildren();
    this.options = [];
    groups.forEach((group, g) => {
      const container = el('div', { role: 'group' });
      if (group.title) {
        const heading = el('div', { class: 'picker-group', id: `${this.root.id}-g${g}`, role: 'presentation' },
          group.title);
        container.setAttribute('aria-labelledby', heading.id);
        container.append(heading);
      }
      for (const code of group.codes) container.append(this.option(code, g));
      this.list.append(container);
    });
    if (!this.options.length) {
      this.list.append(el('div', { class: 'picker-empty', role: 'presentation' }, `No language matches “${q}”.`));
    }
    const selected = this.options.findIndex((o) => o.dataset.code === this.value);
    this.activate(q ? 0 : Math.max(0, selected), !q);
  }

  option(code, group) {
    const option = el('div', { class: 'picker-option', role: 'option', id: `${this.root.id}-${group}-${code}`,
      'data-code': code, 'aria-selected': String(code === this.value) });
    if (code === DETECT) {
      option.append(el('span', { class: 'name' }, 'Detect language'));
    } else {
      const l = this.catalogue.find(code);
      option.append(el('span', { class: 'name' }, l.name));
      if (l.native_name !== l.name) {
        option.append(el('span', { class: 'native', lang: this.catalogue.langTag(code), dir: 'auto' }, l.native_name));
      }
      option.append(el('span', { class: 'code' }, code));
    }
    this.options.push(option);
    return option;
  }

  activate(index, center = false) {
    this.options[this.active]?.classList.remove('active');
    this.active = this.options.length ? index : -1;
    const option = this.options[this.active];
    if (!option) {
      this.search.removeAttribute('aria-activedescendant');
      return;
    }
    option.classList.add('active');
    this.search.setAttribute('aria-activedescendant', option.id);
    this.reveal(option, center);
  }

  /** Scrolls the list (never the page, as scrollIntoView would) so that the option shows. */
  reveal(option, center) {
    const list = this.list;
    const top = option.offsetTop;
    const bottom = top + option.offsetHeight;
    if (center) list.scrollTop = top - (list.clientHeight - option.offsetHeight) / 2;
    else if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }
}

/** An element with attributes and text. */
export function el(tag, attributes = {}, text = null) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== null) element.textContent = text;
  return element;
}
