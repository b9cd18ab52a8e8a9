import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startLocale } from './i18n/i18n.ts';
import './fonts.css';
import './styles.css';
import './layout.css';
import './tables.css';

// the service worker (web/scripts/service-worker.ts): the shell and the offline forms open with no connection
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}

const root = document.getElementById('root');
// English, when remembered, is fetched before the first render (why: startLocale in i18n/i18n.ts)
void startLocale().then(() => {
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
