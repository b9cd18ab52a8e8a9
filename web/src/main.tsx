import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { getLocale } from './i18n/i18n.ts';
import './fonts.css';
import './styles.css';
import './layout.css';
import './tables.css';

document.documentElement.lang = getLocale();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
