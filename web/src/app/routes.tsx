import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { RequiredPasswordPage } from '../features/auth/RequiredPasswordPage.tsx';
import { lazyPage } from './feature.ts';
import { RequireAdmin, RequireSession } from './guards.tsx';
import { Layout } from './Layout.tsx';
import { WEB_FEATURES } from './features.ts';
import { NAV_ITEMS } from './nav-items.ts';
import { NotBuiltPage, NotFoundPage } from './NotBuiltPage.tsx';

/**
 * The signed-in home page (its due reports read the indicators' contracts) is loaded with it, not with the shell:
 * the public pages' first load stays within its budget (e2e/emulation-public.e2e.test.ts).
 */
const HomePage = lazyPage(() => import('../features/home/HomePage.tsx'), 'HomePage');

/** Every address of the app. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* --- pet-portal --- pages for visitors without an account (PUBLIC_PAGE_PREFIXES, contracts/app-page.ts) */}
      {WEB_FEATURES.flatMap((feature) =>
        (feature.publicRoutes ?? []).map(({ path, page: Page }) => (
          <Route
            key={path}
            path={`/${path}`}
            element={
              <Suspense fallback={null}>
                <Page />
              </Suspense>
            }
          />
        )),
      )}
      <Route
        path="/password/required"
        element={
          <RequireSession passwordChangePage>
            <RequiredPasswordPage />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        {WEB_FEATURES.flatMap((feature) =>
          feature.routes.map(({ path, page: Page, admin }) => (
            <Route
              key={path}
              path={path}
              element={
                admin ? (
                  <RequireAdmin>
                    <Page />
                  </RequireAdmin>
                ) : (
                  <Page />
                )
              }
            />
          )),
        )}
        {NAV_ITEMS.filter((item) => !item.built).map((item) => (
          <Route key={item.to} path={item.to.slice(1)} element={<NotBuiltPage title={item.label} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
