import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { RequiredPasswordPage } from '../features/auth/RequiredPasswordPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { RequireAdmin, RequireSession } from './guards.tsx';
import { Layout } from './Layout.tsx';
import { NAV_ITEMS } from './nav-items.ts';
import { NotBuiltPage, NotFoundPage } from './NotBuiltPage.tsx';

// Feature pages load on first visit: the login page and the shell stay small on slow links.
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx').then((m) => ({ default: m.UnitsPage })));
const UnitPage = lazy(() => import('../features/units/UnitPage.tsx').then((m) => ({ default: m.UnitPage })));
const OrganizationPage = lazy(() =>
  import('../features/organizations/OrganizationPage.tsx').then((m) => ({ default: m.OrganizationPage })),
);
const PersonPage = lazy(() => import('../features/people/PersonPage.tsx').then((m) => ({ default: m.PersonPage })));
const ChangePasswordPage = lazy(() =>
  import('../features/auth/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const UserCreatePage = lazy(() => import('../features/users/UserCreatePage.tsx').then((m) => ({ default: m.UserCreatePage })));
const UserEditPage = lazy(() => import('../features/users/UserEditPage.tsx').then((m) => ({ default: m.UserEditPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));

/** Every address of the app. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
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
        <Route path="units" element={<UnitsPage />} />
        <Route path="units/:id" element={<UnitPage />} />
        <Route path="organizations/:id" element={<OrganizationPage />} />
        <Route path="people/:id" element={<PersonPage />} />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="admin" element={<RequireAdmin><UsersPage /></RequireAdmin>} />
        <Route path="admin/users" element={<RequireAdmin><UsersPage /></RequireAdmin>} />
        <Route path="admin/users/new" element={<RequireAdmin><UserCreatePage /></RequireAdmin>} />
        <Route path="admin/users/:id" element={<RequireAdmin><UserEditPage /></RequireAdmin>} />
        <Route path="admin/audit" element={<RequireAdmin><AuditPage /></RequireAdmin>} />
        {NAV_ITEMS.filter((item) => !item.built).map((item) => (
          <Route key={item.to} path={item.to.slice(1)} element={<NotBuiltPage title={item.label} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
