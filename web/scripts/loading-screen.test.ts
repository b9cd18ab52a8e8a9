import { describe, expect, it } from 'vitest';
import { moveStylesheetsAfterBody } from './loading-screen.ts';

describe('stylesheets after the loading screen', () => {
  it('moves every stylesheet link of <head> to the end of <body>, keeping scripts and preloads in <head>', () => {
    const html = [
      '<html><head>',
      '    <script type="module" crossorigin src="/assets/index-a.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">',
      '    <link rel="stylesheet" crossorigin href="/assets/x-c.css">',
      '    <link rel="stylesheet" crossorigin href="/assets/index-d.css">',
      '  </head>',
      '  <body>',
      '    <div id="root"></div>',
      '    <div class="boot"><p role="status">Đang tải Dân vận số…</p></div>',
      '  </body>',
      '</html>',
    ].join('\n');
    expect(moveStylesheetsAfterBody(html).split('\n')).toEqual([
      '<html><head>',
      '    <script type="module" crossorigin src="/assets/index-a.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">',
      '  </head>',
      '  <body>',
      '    <div id="root"></div>',
      '    <div class="boot"><p role="status">Đang tải Dân vận số…</p></div>',
      '    <link rel="stylesheet" crossorigin href="/assets/x-c.css">',
      '    <link rel="stylesheet" crossorigin href="/assets/index-d.css">',
      '  </body>',
      '</html>',
    ]);
    expect(moveStylesheetsAfterBody('<head></head><body></body>')).toBe('<head></head><body></body>');
  });
});
