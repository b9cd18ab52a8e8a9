import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TAction } from '#contracts/permissions.ts';
import { loadVietnamese, type MessageKey, type VietnameseLoader } from '../i18n/i18n.ts';

/** A page of a feature, at a path under the signed-in shell. */
export interface FeatureRoute {
  /** Relative to the app root, e.g. 'units/:id'. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Only for administrators (users, audit log). */
  admin?: boolean;
}

/** An entry of the main navigation (capabilities) or of the administration group. */
export interface NavEntry {
  to: string;
  label: MessageKey;
  section: 'main' | 'admin';
  /** Shown only to users who may do this (`can()`); the server decides anyway. */
  action?: TAction;
}

/** Message key → text. */
export type Catalogue = Readonly<Record<string, string>>;

/**
 * A feature's strings, kept beside it in `messages.vi.ts` / `messages.en.ts`. Vietnamese is the default language:
 * the shell's and most features' catalogues are part of the first load (i18n/vi.ts spreads them); the large
 * catalogues of features no first screen shows are fetched with their pages (`vi` is then a loader, the same one
 * the feature's routes give lazyPage; i18n/vi.ts names their types, so `MessageKey` still has every key). English
 * is fetched by `en()` only when the user chooses it (i18n/en.ts calls every feature's `en()`).
 */
export interface FeatureMessages {
  vi: Catalogue | VietnameseLoader;
  en: () => Promise<Catalogue>;
}

/**
 * One capability as the web app sees it, exported once from `features/<feature>/index.ts` and listed once in
 * `app/features.ts`: the routes, navigation and catalogues iterate the registry, so a feature never edits the shell.
 */
export interface WebFeature {
  name: string;
  routes: readonly FeatureRoute[];
  nav?: readonly NavEntry[];
  messages: FeatureMessages;
  // --- pet-portal ---
  /** Pages for visitors without an account (the citizens' portal), outside the signed-in shell. */
  publicRoutes?: readonly FeatureRoute[];
}

/**
 * A page loaded on first visit, so the login page and the shell stay small on slow links.
 * `lazyPage(() => import('./UnitsPage.tsx'), 'UnitsPage')`.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  /** Vietnamese catalogues not in the first load that the page shows: fetched with it, before it renders. */
  catalogues: readonly VietnameseLoader[] = [],
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const [page] = await Promise.all([load(), ...catalogues.map(loadVietnamese)]);
    return { default: page[name] as ComponentType };
  });
}
