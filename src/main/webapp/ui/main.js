// The translator page: wires the pickers, the text panes, the options and the notices to the API.
import { SemaApi } from './api.js';
import { Catalogue } from './catalogue.js';
import { LanguagePicker, DETECT, el } from './picker.js';
import { Translator } from './translator.js';
import { explain, tooLong, countdown, modelStatus, formatNumber } from './messages.js';
import { stored, recentLanguages, rememberLanguage, fromAddress, toAddress } from './state.js';
import { setupTheme } from './theme.js';
import { Account } from './account.js';
import { MarkupView } from './markup.js';
import { DocumentsPanel } from './documents.js';
import { GlossaryPanel } from './glossaries.js';
import { showSentences, sentencesOf } from './confidence.js';

const $ = (id) => document.getElementById(id);
const app = $('app');
const MAX_CHARACTERS = Number(app.dataset.maxCharacters) || 5000;
const MAX_BEAM_SIZE = Number(app.dataset.maxBeamSize) || 8;
const MAX_ALTERNATIVES = 3;
const DEFAULT_TARGET = 'eng_Latn';
const LANGUAGES_RETRY_S = 5;
/**
 * Sentences whose score (mean token log-probability) lies below this are marked as unsure. Fluent NLLB output
 * mostly scores above −1; a sentence the model found hard (rare words, a garbled source, the wrong source
 * language) falls well below. A hint to check, not a verdict.
 */
const LOW_CONFIDENCE = -1.5;

const source = $('source-text');
const output = $('output');
const notice = $('notice');
const beamSize = $('beam-size');
const alternativeCount = $('alternative-count');
const textFormat = $('text-format');
const markup = new MarkupView(textFormat, source, output, $('output-frame'), $('html-view'));

const account = new Account($('api-key'), $('forget-key'), $('usage'), {
  onChange: () => {
    glossaries.refresh();
    translator.stopWaiting();
    translator.now();
  },
  fetchUsage: () => api.usage(),
});
const api = new SemaApi(() => account.key());
const glossaries = new GlossaryPanel($, api, {
  pair: () => (sourcePicker && sourcePicker.value !== DETECT
    ? { source: sourcePicker.value, target: targetPicker.value } : null),
  onChange: () => translator.now(),
});
const translator = new Translator(api, { request, pending, result, failure, streams, progress });

/** The last answer, for swap and copy; null when the output does not belong to the current text. */
let shown = null;
let catalogue;
let sourcePicker;
let targetPicker;

setupTheme($('theme-toggle'));
fillOptions();
loadLanguages();

async function loadLanguages() {
  try {
    catalogue = new Catalogue((await api.languages()).languages);
  } catch (e) {
    showNotice(`The language list could not be loaded (${e.message}). Trying again…`, 'error');
    setTimeout(loadLanguages, LANGUAGES_RETRY_S * 1000);
    return;
  }
  hideNotice();
  start();
}

function start() {
  const address = fromAddress();
  const sourceCode = resolve(address.source ?? stored.get('source'), true) ?? DETECT;
  const targetCode = resolve(address.target ?? stored.get('target'), false) ?? DEFAULT_TARGET;
  sourcePicker = new LanguagePicker($('source-picker'), catalogue, { recent: recentLanguages, onChange: chooseSource });
  targetPicker = new LanguagePicker($('target-picker'), catalogue, { recent: recentLanguages, onChange: chooseTarget });
  sourcePicker.set(sourceCode);
  targetPicker.set(targetCode);
  source.value = address.text ?? '';
  wire();
  new DocumentsPanel(api, {
    panel: $('documents'), file: $('document-file'), translate: $('document-translate'),
    progress: $('document-progress'), status: $('document-status'), download: $('document-download'),
  }, () => ({ source: sourcePicker.value === DETECT ? null : sourcePicker.value, target: targetPicker.value }));
  textChanged();
  account.refreshUsage();
  glossaries.refresh();
  if (source.value.trim()) translator.now();
  app.dataset.ready = 'true';
}

/** A code, alias or name from the address or storage as a canonical code; DETECT only for the source. */
function resolve(value, allowDetect) {
  if (!value) return null;
  if (/^(auto|detect)$/i.test(value)) return allowDetect ? DETECT : null;
  return catalogue.find(value)?.code ?? null;
}

function wire() {
  source.addEventListener('input', () => {
    textChanged();
    translator.schedule();
  });
  source.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      translator.now();
    }
  });
  $('swap').addEventListener('click', swap);
  $('clear').addEventListener('click', () => {
    source.value = '';
    textChanged();
    translator.abort();
    saveAddress();
    source.focus();
  });
  $('copy').addEventListener('click', copy);
  for (const select of [beamSize, alternativeCount, textFormat]) {
    select.addEventListener('change', () => {
      stored.set(select.id, select.value);
      markup.apply();
      translator.now();
    });
  }
}

function fillOptions() {
  beamSize.append(el('option', { value: '' }, 'Server default'));
  for (let b = 1; b <= MAX_BEAM_SIZE; b++) beamSize.append(el('option', { value: String(b) }, String(b)));
  alternativeCount.append(el('option', { value: '0' }, 'None'));
  for (let a = 1; a <= Math.min(MAX_ALTERNATIVES, MAX_BEAM_SIZE); a++) {
    alternativeCount.append(el('option', { value: String(a) }, String(a)));
  }
  textFormat.value = stored.get('text-format') ?? '';
  markup.apply();
  beamSize.value = stored.get('beam-size') ?? '';
  alternativeCount.value = stored.get('alternative-count') ?? '0';
  if (!alternativeCount.value) alternativeCount.value = '0';
}

// Languages

/** Choosing the other side's language swaps the two, as people expect. */
function chooseSource(code, previous) {
  if (code === targetPicker.value && previous !== DETECT) targetPicker.set(previous);
  languagesChanged(code);
}

function chooseTarget(code, previous) {
  if (code === sourcePicker.value) sourcePicker.set(previous);
  languagesChanged(code);
}

function languagesChanged(chosen) {
  if (chosen !== DETECT) rememberLanguage(chosen);
  stored.set('source', sourcePicker.value);
  stored.set('target', targetPicker.value);
  clearOutput();
  textChanged();
  saveAddress();
  translator.now();
}

/** The source language: chosen, or detected with the last answer; null while unknown. */
function sourceCode() {
  return sourcePicker.value === DETECT ? shown?.source_language ?? null : sourcePicker.value;
}

function swap() {
  const from = sourceCode();
  if (!from) return;
  const text = shown?.translated_text;
  sourcePicker.set(targetPicker.value);
  targetPicker.set(from);
  if (text !== undefined) source.value = text;
  languagesChanged(targetPicker.value);
}

// Text

/** After any edit: counter, clear button, writing direction, and the output no longer matches the text. */
function textChanged() {
  const count = [...source.value.trim()].length;
  const counter = $('counter');
  counter.textContent = `${formatNumber(count)} / ${formatNumber(MAX_CHARACTERS)}`;
  counter.classList.toggle('over', count > MAX_CHARACTERS);
  if (count <= MAX_CHARACTERS && notice.dataset.code === 'text_too_long') hideNotice();
  $('clear').hidden = source.value.length === 0;
  setDirection(source, sourceCode());
  if (shown && shown.text !== source.value) markStale();
  if (!source.value.trim()) {
    clearOutput();
    if (!translator.waiting()) hideNotice();
  }
  $('swap').disabled = sourceCode() === null;
}

function setDirection(element, code) {
  element.dir = code ? catalogue.direction(code) : 'auto';
  element.lang = code ? catalogue.langTag(code) : '';
}

function saveAddress() {
  toAddress({ source: sourcePicker.value, target: targetPicker.value, text: source.value });
}

// Translator view

/** The body to send, or null: nothing to translate, or more than the server would accept. */
function request() {
  const text = source.value;
  const count = [...text.trim()].length;
  const tagHandling = markup.tagHandling();
  if (count === 0) return null;
  // Of markup only the text counts, which the server works out: it answers 413 if there is too much.
  if (count > MAX_CHARACTERS && !tagHandling) {
    clearOutput();
    showNotice(tooLong(count, MAX_CHARACTERS), 'error', 'text_too_long');
    return null;
  }
  const body = { text, target_language: targetPicker.value };
  if (sourcePicker.value !== DETECT) body.source_language = sourcePicker.value;
  const alternatives = tagHandling ? 0 : Number(alternativeCount.value);
  if (beamSize.value) body.beam_size = Math.max(Number(beamSize.value), alternatives);
  if (alternatives > 0) body.alternatives = alternatives;
  if (tagHandling) body.tag_handling = tagHandling;
  else body.include_scores = true;
  if (glossaries.selected()) body.glossary_id = glossaries.selected();
  return body;
}

function pending() {
  saveAddress();
  output.setAttribute('aria-busy', 'true');
  if (output.dataset.state === 'empty') output.dataset.state = 'pending';
}

/** Texts of several sentences or lines stream, so the first sentences show while the rest are translated. */
function streams(sent) {
  return !sent.alternatives && /[.!?。！？؟।]\s+\S|\n\s*\S/u.test(sent.text.trim());
}

/** A stream's answer so far: the sentences translated yet, in order, while the rest are on their way. */
function progress(sent, partial) {
  if (sent.text !== source.value || sent.target_language !== targetPicker.value) return;
  showSentences(output, partial.segments, LOW_CONFIDENCE);
  output.dataset.state = 'streaming';
  setDirection(output, partial.target_language);
}

function result(sent, answer) {
  if (sent.text !== source.value || sent.target_language !== targetPicker.value
      || (sent.tag_handling ?? null) !== markup.tagHandling()) return;
  hideNotice();
  shown = { ...answer, text: sent.text };
  markup.show(answer.translated_text);
  const sentences = sent.tag_handling ? null : sentencesOf(answer);
  if (sentences) showSentences(output, sentences, LOW_CONFIDENCE);
  output.dataset.state = 'fresh';
  output.removeAttribute('aria-busy');
  setDirection(output, answer.target_language);
  showAlternatives(answer.alternatives ?? []);
  showDetected(sent.source_language ? null : answer);
  $('timing').textContent = duration(answer.inference_time);
  $('copy').disabled = false;
  textChanged();
  account.refreshUsage();
}

async function failure(sent, error) {
  const what = explain(error);
  clearOutput();
  showNotice(what.text, what.tone, error.code);
  if (what.retry !== null) {
    translator.wait(what.retry, (s) => showCountdown(countdown(s, error.code)));
  }
  if (what.key) $('options').open = true;
  if (what.status) {
    const models = modelStatus(await api.status().catch(() => null));
    if (notice.hidden || notice.dataset.code !== error.code) return;
    if (models.summary) $('notice-text').textContent = `${what.text} Server status: ${models.summary}.`;
    $('notice-details-text').textContent = models.details;
    $('notice-details').hidden = !models.details;
  }
}

function markStale() {
  shown = null;
  output.dataset.state = output.textContent ? 'stale' : 'empty';
  $('copy').disabled = true;
}

function clearOutput() {
  shown = null;
  output.textContent = '';
  markup.clear();
  output.dataset.state = 'empty';
  output.removeAttribute('aria-busy');
  $('timing').textContent = '';
  $('copy').disabled = true;
  showAlternatives([]);
  showDetected(null);
}

function showAlternatives(alternatives) {
  $('alternatives-list').replaceChildren(...alternatives.map((a) => {
    const item = el('li', {}, a);
    setDirection(item, targetPicker.value);
    return item;
  }));
  $('alternatives').hidden = alternatives.length === 0;
}

function showDetected(answer) {
  const line = $('detected');
  line.hidden = !answer;
  if (!answer) return;
  const language = catalogue.find(answer.source_language);
  const confidence = Math.round((answer.source_language_confidence ?? 0) * 100);
  line.replaceChildren('Detected: ', el('strong', {}, language?.name ?? answer.source_language),
    ` · ${confidence}%`);
  line.title = `${answer.source_language}, confidence ${confidence}%`;
}

/** "12 ms", "1.3 s": the model's time for this answer. */
function duration(seconds) {
  return seconds < 1 ? `${Math.max(1, Math.round(seconds * 1000))} ms` : `${seconds.toFixed(1)} s`;
}

// Notices

/** @param code the error code shown, so that the notice can go away when its cause does */
function showNotice(text, tone, code = '') {
  notice.classList.toggle('error', tone === 'error');
  notice.dataset.code = code;
  $('notice-text').textContent = text;
  $('notice-countdown').hidden = true;
  $('notice-details').hidden = true;
  notice.hidden = false;
}

function showCountdown(text) {
  const line = $('notice-countdown');
  line.textContent = text;
  line.hidden = false;
}

function hideNotice() {
  notice.hidden = true;
  notice.dataset.code = '';
}

// Copy

async function copy() {
  const button = $('copy');
  try {
    await navigator.clipboard.writeText(output.textContent);
  } catch {
    // No clipboard API (a page served over plain HTTP from another host): select the text for the visitor.
    getSelection().selectAllChildren(output);
    button.textContent = 'Selected: press Ctrl+C';
    setTimeout(() => (button.textContent = 'Copy'), 3000);
    return;
  }
  button.textContent = 'Copied';
  setTimeout(() => (button.textContent = 'Copy'), 2000);
}
