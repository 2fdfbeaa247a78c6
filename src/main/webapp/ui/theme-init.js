// Runs before the first paint: a theme the visitor chose wins over prefers-color-scheme (see theme.js).
try {
  const chosen = localStorage.getItem('sema.theme');
  if (chosen === 'light' || chosen === 'dark') document.documentElement.dataset.theme = chosen;
} catch (e) { /* storage blocked: follow the system */ }
