/**
 * What the built index.html and the server agree on (web/scripts/static-login.ts writes the page,
 * server/src/shared/http/web-app.ts fills it per request): the two boot blocks, of which the server keeps one
 * (the loading screen for a signed-in visitor, the HTML login form for a signed-out one), the hidden field naming
 * the page to open after signing in, and where an error of the form goes.
 */
export const APP_PAGE = {
  /** Starts the loading screen (kept for a visitor with a session). */
  signedInStart: '<!-- boot:signed-in -->',
  /** Starts the HTML login form (kept for a visitor without a session). */
  signedOutStart: '<!-- boot:signed-out -->',
  /** Ends both. */
  end: '<!-- boot:end -->',
  /** The hidden field of the form as built; the server writes the page the visitor opened into its value. */
  nextField: '<input type="hidden" name="next" value="/">',
  /** Replaced by the error of the last attempt (`/login?loi=…`). */
  error: '<!-- login-error -->',
  /** Id of the HTML login form's block: the React login page takes over what was typed in it, then removes it. */
  staticLoginId: 'static-login',
  /** The form's target. */
  action: '/api/auth/login-form',
  /** Query parameters of the login page after a failed form login: the error code and the seconds to wait. */
  errorParam: 'loi',
  waitParam: 'cho',
} as const;

// --- pet-portal ---
/** Pages open to visitors without an account (the citizens' portal): the server sends them the loading screen, never the login form. */
export const PUBLIC_PAGE_PREFIXES = [
  '/cong-dan',
  // --- emu-public --- the showcase of recognised "Dân vận khéo" models
  '/dan-van-kheo',
  // --- surveys --- the respondent's form behind a public or personal link
  '/khao-sat/tra-loi',
] as const;
export const isPublicPage = (pathname: string) => PUBLIC_PAGE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

/** The value of the hidden `next` field as written into the page (the value is HTML-escaped). */
export const nextFieldWith = (value: string): string => APP_PAGE.nextField.replace('value="/"', `value="${escapeHtml(value)}"`);

/** Text and attribute values into HTML. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
