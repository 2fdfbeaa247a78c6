// The Documents panel: a file dropped or chosen is uploaded for the target chosen above, its progress polled, and the
// translated file offered for download; refusals and failed jobs are shown in words.
const POLL_MS = 500;

export class DocumentsPanel {
  /**
   * @param {object} elements panel, file, translate, progress, status, download
   * @param {() => {source: string|null, target: string}} languages the pickers' current choice
   */
  constructor(api, elements, languages) {
    this.api = api;
    this.el = elements;
    this.languages = languages;
    this.file = null;
    elements.file.addEventListener('change', () => this.choose(elements.file.files[0] ?? null));
    elements.translate.addEventListener('click', () => this.translate());
    elements.panel.addEventListener('dragover', (event) => event.preventDefault());
    elements.panel.addEventListener('drop', (event) => {
      event.preventDefault();
      this.choose(event.dataTransfer?.files?.[0] ?? null);
    });
  }

  choose(file) {
    this.file = file;
    this.el.translate.disabled = !file;
    this.say(file ? `${file.name} is ready to translate.` : '', null);
  }

  async translate() {
    if (!this.file) return;
    const { source, target } = this.languages();
    const form = new FormData();
    form.append('target_language', target);
    if (source) form.append('source_language', source);
    form.append('file', this.file, this.file.name);
    this.el.translate.disabled = true;
    this.el.download.hidden = true;
    this.progress(0, 1);
    this.say(`Uploading ${this.file.name}…`, 'busy');
    try {
      const receipt = await this.api.uploadDocument(form);
      const status = await this.follow(receipt.document_id, receipt.document_key);
      if (status.status === 'error') {
        this.say(`The file could not be translated: ${status.error}`, 'error');
        return;
      }
      const { name, blob } = await this.api.documentResult(receipt.document_id, receipt.document_key);
      URL.revokeObjectURL(this.el.download.href);
      this.el.download.href = URL.createObjectURL(blob);
      this.el.download.download = name;
      this.el.download.textContent = `Download ${name}`;
      this.el.download.hidden = false;
      this.say(`Done: ${status.segments_total} parts, ${status.billed_characters} characters.`, 'done');
    } catch (e) {
      this.say(e.message || 'The file could not be translated.', 'error');
    } finally {
      this.el.translate.disabled = !this.file;
    }
  }

  /** Polls until the job ends, showing its progress. */
  async follow(id, documentKey) {
    for (;;) {
      const status = await this.api.documentStatus(id, documentKey);
      this.progress(status.segments_done, Math.max(1, status.segments_total));
      if (status.status === 'done' || status.status === 'error') return status;
      this.say(status.status === 'queued' ? 'Waiting for a translator…'
        : `Translating: ${status.segments_done} of ${status.segments_total} parts.`, 'busy');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  progress(done, total) {
    this.el.progress.hidden = false;
    this.el.progress.max = total;
    this.el.progress.value = done;
  }

  say(text, state) {
    this.el.status.textContent = text;
    if (state) this.el.status.dataset.state = state;
    else delete this.el.status.dataset.state;
  }
}
