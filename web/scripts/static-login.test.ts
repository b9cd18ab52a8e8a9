import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PAGE } from '../../contracts/src/app-page.ts';
import { securityHeaders } from '../../server/src/shared/http/security-headers.ts';
import { inlineStyleHashes, renderAppPage } from '../../server/src/shared/http/web-app.ts';
import { appVi } from '../src/app/messages.vi.ts';
import { authVi } from '../src/features/auth/messages.vi.ts';
import { BOOT_STYLE, writeBootBlocks } from './static-login.ts';

const source = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
const page = writeBootBlocks(source);

/** The CSP the server sends for a built page: its inline style hashes, read as the server reads them. */
function cspOf(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvs-page-'));
  try {
    writeFileSync(join(dir, 'index.html'), html);
    return securityHeaders(false, inlineStyleHashes(dir))['content-security-policy'] ?? '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the HTML login form of index.html (issue 8)', () => {
  it('is an accessible Vietnamese form with the React page’s words, posting to the form endpoint', () => {
    expect(page).toContain('<h1>Đăng nhập</h1>');
    expect(page).toContain(`<p class="auth-brand">${appVi['app.name']}</p>`);
    expect(page).toContain('<form class="form" method="post" action="/api/auth/login-form">');
    // every field has a label naming it (for = id), the browser's autofill hints, and is required
    const fields = [...page.matchAll(/<label for="([^"]+)">([^<]+)<\/label>\s*<input id="([^"]+)" name="(\w+)"([^>]*)>/g)].map(
      ([, labelFor, label, id, name, rest]) => ({ label, same: labelFor === id, name, required: / required\b/.test(rest ?? ''), autocomplete: /autocomplete="([^"]+)"/.exec(rest ?? '')?.[1] }),
    );
    expect(fields).toEqual([
      { label: 'Tên đăng nhập', same: true, name: 'username', required: true, autocomplete: 'username' },
      { label: 'Mật khẩu', same: true, name: 'password', required: true, autocomplete: 'current-password' },
    ]);
    expect(page).toContain('<button type="submit">Đăng nhập</button>');
    // the words are the catalogue's, the ones the React login page shows
    expect([authVi['auth.username'], authVi['auth.password'], authVi['auth.login']]).toEqual(['Tên đăng nhập', 'Mật khẩu', 'Đăng nhập']);
    expect(page).toContain(APP_PAGE.nextField);
    expect(page).toContain(`id="${APP_PAGE.staticLoginId}"`);
  });

  it('needs no inline script and no style attribute; its one inline <style> is allowed by its hash in the CSP', () => {
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/src/main.tsx">']);
    expect(page).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
    expect(page).not.toMatch(/\sstyle="/);
    expect(page).not.toMatch(/\son[a-z]+="/);
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    expect(styles).toEqual([BOOT_STYLE]);
    expect(cspOf(page)).toContain(`;style-src 'self' ${sha256(BOOT_STYLE)};`);
    // a changed style is a different hash: the CSP follows the page, not a copy of it
    expect(cspOf(page.replace('color: #9f1c1c', 'color: #000000'))).not.toContain(sha256(BOOT_STYLE));
  });

  it('the built page (when built) carries the form, and the CSP the server derives allows exactly its style', () => {
    const built = new URL('../../dist/web/index.html', import.meta.url);
    if (!existsSync(built)) return;
    const html = readFileSync(built, 'utf8');
    expect(html).toContain('<label for="static-username">Tên đăng nhập</label>');
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(styles).toHaveLength(1);
    expect(cspOf(html)).toContain(`;style-src 'self' ${sha256(styles[0] ?? '')};`);
    // the stylesheets come after the boot blocks (the form paints before they arrive)
    expect(html.indexOf('<link rel="stylesheet"')).toBeGreaterThan(html.indexOf(APP_PAGE.end));
  });

  it('the server keeps the form for a signed-out visitor (with the page to open and the error) and the loading screen otherwise', () => {
    const signedOut = renderAppPage(page, { signedIn: false, next: '/units/12?a=1&b="x"', error: 'Sai <mật khẩu>.' });
    expect(signedOut).toContain('<input type="hidden" name="next" value="/units/12?a=1&amp;b=&quot;x&quot;">');
    expect(signedOut).toContain('<div class="alert" role="alert"><p>Sai &lt;mật khẩu&gt;.</p></div>');
    expect(signedOut).not.toContain('Đang tải Dân vận số…');
    const signedIn = renderAppPage(page, { signedIn: true, next: '/', error: 'x' });
    expect(signedIn).toContain('<p role="status">Đang tải Dân vận số…</p>');
    expect(signedIn).not.toMatch(/<form|role="alert"|static-login/);
    // the inline style is untouched either way: the hash still holds
    for (const html of [signedOut, signedIn]) expect(cspOf(html)).toBe(cspOf(page));
  });
});
