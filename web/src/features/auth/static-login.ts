import { APP_PAGE } from '#contracts/app-page.ts';

/**
 * The HTML login form of index.html (web/scripts/static-login.ts), shown to a signed-out visitor while the scripts
 * load. The React login page takes over from it so that nothing typed is lost: the values of its fields, the field
 * that has the focus and the cursor in it, and the error it shows (`/login?loi=…`, written by the server).
 */
const staticLogin = () => document.getElementById(APP_PAGE.staticLoginId);

/** The error the HTML form shows, read once before the React page first renders (the form is removed after). */
export function staticLoginError(): string | null {
  return staticLogin()?.querySelector('[role=alert]')?.textContent?.trim() || null;
}

type Fields = Record<'username' | 'password', HTMLInputElement | null>;

/**
 * Moves what was typed into the HTML form to the React page's fields, with the focus and the selection, then removes
 * the HTML form. Called in a layout effect: after React has put its form in the page and before the browser paints,
 * so the visitor never sees two forms and a key typed meanwhile lands in the field it was meant for.
 */
export function takeOverStaticLogin(fields: Fields): void {
  const block = staticLogin();
  if (!block) return;
  for (const name of ['username', 'password'] as const) {
    const from = block.querySelector<HTMLInputElement>(`input[name=${name}]`);
    const to = fields[name];
    if (!from || !to) continue;
    if (from.value) to.value = from.value;
    if (document.activeElement === from) {
      const [start, end] = [from.selectionStart, from.selectionEnd];
      to.focus();
      if (start !== null && end !== null) to.setSelectionRange(start, end);
    }
  }
  block.remove();
}

/** Removes the HTML form when the visitor turns out to be signed in (a session opened in another tab meanwhile). */
export function dropStaticLogin(): void {
  staticLogin()?.remove();
}

/** The wait the server gave the HTML form's last attempt (`/login?loi=login_throttled&cho=8`), in seconds. */
export function throttledSeconds(query: URLSearchParams): number | undefined {
  if (query.get(APP_PAGE.errorParam) !== 'login_throttled') return undefined;
  const seconds = Number(query.get(APP_PAGE.waitParam));
  return Number.isInteger(seconds) && seconds > 0 ? Math.min(seconds, 3600) : undefined;
}
