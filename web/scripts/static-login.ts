/**
 * Vite plugin: writes the boot blocks of index.html from one source, the app's Vietnamese catalogue. A signed-out
 * visitor gets a real login form in the HTML (usable before the ≈ 117 KB of scripts arrive on a slow link, and
 * without JavaScript): it posts `application/x-www-form-urlencoded` to /api/auth/login-form, which answers 303.
 * A signed-in visitor gets the loading screen; the server keeps one of the two blocks per request
 * (server/src/shared/http/web-app.ts, markers in contracts/src/app-page.ts). Both are styled by the page's one
 * inline <style>, written here too and allowed by its hash in the CSP (the server reads the hash from the built
 * page); no inline script, no style attribute. When the scripts arrive, the React login page takes over what was
 * typed and the focus (web/src/features/auth/static-login.ts) and removes the block.
 */
import type { Plugin } from 'vite';
import { APP_PAGE } from '../../contracts/src/app-page.ts';
import { appVi } from '../src/app/messages.vi.ts';
import { authVi } from '../src/features/auth/messages.vi.ts';

/** Strings the boot blocks show: the catalogue's, so the HTML form says what the React login page says. */
const text = { ...appVi, ...authVi };

/**
 * The loading screen's and the HTML login form's style. The form copies the look of the React login page
 * (web/src/layout.css `.auth-*`, styles.css `.form`, `.field`, inputs, buttons; status.css `.alert`) in the
 * system font: the web fonts would take the link from the scripts.
 */
export const BOOT_STYLE = `
      body { margin: 0; background: #f5f6f8; }
      .boot { display: grid; place-content: center; gap: 8px; min-height: 100vh; padding: 16px; box-sizing: border-box;
        text-align: center; font: 600 1.3rem/1.5 system-ui, sans-serif; color: #9f1c1c; }
      .boot p { margin: 0; }
      .boot noscript p { color: #1d2330; font-size: 1rem; font-weight: 400; }
      #root:not(:empty) ~ .boot { display: none; }
      .boot-login { display: grid; place-items: center; min-height: 100vh; padding: 16px; box-sizing: border-box;
        font: 16px/1.5 system-ui, sans-serif; color: #1d2330; }
      .boot-login * { box-sizing: border-box; }
      .boot-login .auth-card { width: 100%; max-width: 24rem; background: #fff; padding: 24px; border-radius: 6px;
        border-top: 4px solid #9f1c1c; box-shadow: 0 1px 3px rgb(0 0 0 / 8%); }
      .boot-login .auth-brand { color: #9f1c1c; font-weight: 600; font-size: 1.3rem; margin: 0 0 8px; }
      .boot-login h1 { font-size: 1.6rem; line-height: 1.25; font-weight: 600; margin: 0 0 12px; }
      .boot-login form { display: grid; gap: 16px; }
      .boot-login .field { display: grid; gap: 4px; }
      .boot-login label { font-weight: 600; }
      .boot-login input { font: inherit; width: 100%; height: 44px; padding: 8px 12px; border: 1px solid #b7bdc8;
        border-radius: 6px; background: #fff; color: #1d2330; }
      .boot-login button { font: inherit; font-weight: 600; min-height: 40px; padding: 8px 16px; border: 1px solid #9f1c1c;
        border-radius: 6px; background: #9f1c1c; color: #fff; cursor: pointer; line-height: 1.4; }
      .boot-login button:hover { background: #7d1414; }
      .boot-login :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
      .boot-login .alert { background: #fdecea; color: #a3231b; border-left: 4px solid #a3231b; padding: 8px 12px;
        border-radius: 6px; }
      .boot-login .alert p { margin: 0; }
    `;

/** The two boot blocks of <body>, between the markers the server cuts at. */
export function bootBlocks(): string {
  return `${APP_PAGE.signedInStart}
    <div class="boot">
      <p role="status">${text['app.loadingScreen']}</p>
      <noscript><p>${text['app.needsJavaScript']}</p></noscript>
    </div>
    ${APP_PAGE.signedOutStart}
    <main class="boot-login" id="${APP_PAGE.staticLoginId}">
      <div class="auth-card">
        <p class="auth-brand">${text['app.name']}</p>
        <h1>${text['auth.login']}</h1>
        <form class="form" method="post" action="${APP_PAGE.action}">
          ${APP_PAGE.nextField}
          <div class="field">
            <label for="static-username">${text['auth.username']}</label>
            <input id="static-username" name="username" autocomplete="username" autocapitalize="none" required autofocus>
          </div>
          <div class="field">
            <label for="static-password">${text['auth.password']}</label>
            <input id="static-password" name="password" type="password" autocomplete="current-password" required>
          </div>
          ${APP_PAGE.error}
          <button type="submit">${text['auth.login']}</button>
        </form>
      </div>
    </main>
    ${APP_PAGE.end}`;
}

const STYLE_SLOT = '<style>/* boot style: web/scripts/static-login.ts */</style>';
const BODY_SLOT = '<!-- boot: web/scripts/static-login.ts -->';

/** index.html with its slots filled: the inline style and the boot blocks. */
export function writeBootBlocks(html: string): string {
  if (!html.includes(STYLE_SLOT) || !html.includes(BODY_SLOT)) throw new Error('index.html lacks the boot slots of web/scripts/static-login.ts');
  return html.replace(STYLE_SLOT, `<style>${BOOT_STYLE}</style>`).replace(BODY_SLOT, bootBlocks());
}

export function staticLoginForm(): Plugin {
  return {
    name: 'dvs-static-login-form',
    transformIndexHtml: { order: 'pre', handler: writeBootBlocks },
  };
}
