// Light and dark: the system's preference until the visitor presses the toggle, then their choice (remembered).
import { stored } from './state.js';

const systemDark = matchMedia('(prefers-color-scheme: dark)');

export function setupTheme(button) {
  const root = document.documentElement;
  const dark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);
  const show = () => button.setAttribute('aria-pressed', String(dark()));
  button.addEventListener('click', () => {
    root.dataset.theme = dark() ? 'light' : 'dark';
    stored.set('theme', root.dataset.theme);
    show();
  });
  systemDark.addEventListener('change', show);
  show();
}
