/**
 * Vite plugin: moves the app's stylesheets from <head> to the end of <body>, after the loading screen of
 * index.html. A stylesheet in <head> holds back the first paint until it has arrived (on a slow link, while it
 * shares the bandwidth with the scripts); in <body> it holds back only what follows it, so the loading screen
 * (styled by its own inline <style>, which the server allows by its hash: server/src/shared/http/web-app.ts)
 * shows with the HTML. The loading screen uses the system font: the app's web fonts would take the link's
 * bandwidth from the scripts. The app's module script still runs after the stylesheets: a script waits for the
 * stylesheets before it in the document.
 */
import type { Plugin } from 'vite';

const STYLESHEET = /[ \t]*<link rel="stylesheet"[^>]*>\n?/g;

export function moveStylesheetsAfterBody(html: string): string {
  const links = html.match(STYLESHEET) ?? [];
  if (links.length === 0) return html;
  const head = html.slice(0, html.indexOf('</head>'));
  const rest = html.slice(head.length);
  const withoutLinks = head.replace(STYLESHEET, '');
  const block = links.map((link) => `    ${link.trim()}\n`).join('');
  return withoutLinks + rest.replace(/[ \t]*<\/body>/, `${block}  </body>`);
}

export function stylesheetsAfterLoadingScreen(): Plugin {
  return {
    name: 'dvs-stylesheets-after-loading-screen',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: moveStylesheetsAfterBody },
  };
}
