import { describe, expect, it } from 'vitest';
import { OFFLINE_API, precacheList, serviceWorkerSource } from './service-worker.ts';

const chunk = (fileName: string, over: { isEntry?: boolean; imports?: string[]; moduleIds?: string[]; css?: string[]; assets?: string[] } = {}) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: over.isEntry ?? false,
  imports: over.imports ?? [],
  moduleIds: over.moduleIds ?? [],
  viteMetadata: { importedCss: new Set(over.css ?? []), importedAssets: new Set(over.assets ?? []) },
});
const asset = (fileName: string) => ({ type: 'asset' as const, fileName });

describe('service worker', () => {
  it('precaches the first load and the offline forms’ chunks with their imports and styles, the fonts; not the other pages', () => {
    const bundle = Object.fromEntries(
      [
        chunk('assets/index-a.js', { isEntry: true, imports: ['assets/vendor-b.js'], css: ['assets/index-c.css'] }),
        chunk('assets/vendor-b.js'),
        chunk('assets/LogVisitPage-d.js', { moduleIds: ['/w/web/src/features/grassroots/LogVisitPage.tsx'], imports: ['assets/DateField-e.js'] }),
        chunk('assets/DateField-e.js', { css: ['assets/DateField-f.css'] }),
        chunk('assets/SentimentPage-g.js', { moduleIds: ['/w/web/src/features/sentiment/SentimentPage.tsx'] }),
        chunk('assets/messages.vi-h.js', { moduleIds: ['/w/web/src/features/sentiment/messages.vi.ts'] }),
        chunk('assets/TrainingPage-i.js', { moduleIds: ['/w/web/src/features/training/TrainingPage.tsx'] }),
        chunk('assets/messages-en-j.js', { moduleIds: ['/w/web/src/features/sentiment/messages.en.ts'] }),
        asset('assets/be-vietnam-pro-latin-400-k.woff2'),
        asset('assets/index-c.css'),
        asset('index.html'),
      ].map((item) => [item.fileName, item]),
    );
    expect(precacheList(bundle)).toEqual([
      '/assets/DateField-e.js',
      '/assets/DateField-f.css',
      '/assets/LogVisitPage-d.js',
      '/assets/SentimentPage-g.js',
      '/assets/be-vietnam-pro-latin-400-k.woff2',
      '/assets/index-a.js',
      '/assets/index-c.css',
      '/assets/messages.vi-h.js',
      '/assets/vendor-b.js',
    ]);
  });

  it('caches only the API reads the offline forms need; the worker’s source is a script naming its versioned caches', () => {
    const cached = ['/api/auth/me', '/api/grassroots/cadres', '/api/grassroots/purposes', '/api/grassroots/places', '/api/sentiment/topics', '/api/sentiment/teams', '/api/units', '/api/units/12'];
    const never = ['/api/grassroots/visits', '/api/sentiment/reports', '/api/users', '/api/units/12/villages', '/api/petitions/hotspots', '/api/auth/me/x'];
    expect(cached.filter((path) => OFFLINE_API.some((re) => re.test(path)))).toEqual(cached);
    expect(never.filter((path) => OFFLINE_API.some((re) => re.test(path)))).toEqual([]);
    const source = serviceWorkerSource('abc123', ['/assets/index-a.js']);
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("const SHELL = 'dvs-shell-abc123';");
    expect(source).toContain("const API = 'dvs-api-abc123';");
    expect(source).toContain('const PRECACHE = ["/assets/index-a.js"];');
  });
});
