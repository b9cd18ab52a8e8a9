import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TAction } from '#contracts/permissions.ts';
import type { MessageKey } from '../i18n/i18n.ts';

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
 * A feature's strings, kept beside it in `messages.vi.ts` / `messages.en.ts`. Vietnamese is the default language
 * and is part of the first load (i18n/vi.ts spreads every `messages.vi.ts`, which also makes `MessageKey`);
 * English is fetched by `en()` only when the user chooses it (i18n/en.ts calls every feature's `en()`).
 */
export interface FeatureMessages {
  vi: Catalogue;
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
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
