import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { usersVi } from './messages.vi.ts';

const UsersPage = lazyPage(() => import('./UsersPage.tsx'), 'UsersPage');

export const usersFeature: WebFeature = {
  name: 'users',
  routes: [
    { path: 'admin', page: UsersPage, admin: true },
    { path: 'admin/users', page: UsersPage, admin: true },
    { path: 'admin/users/new', page: lazyPage(() => import('./UserCreatePage.tsx'), 'UserCreatePage'), admin: true },
    { path: 'admin/users/:id', page: lazyPage(() => import('./UserEditPage.tsx'), 'UserEditPage'), admin: true },
  ],
  nav: [{ to: '/admin/users', label: 'nav.users', section: 'admin' }],
  messages: { vi: usersVi, en: () => import('./messages.en.ts').then((m) => m.usersEn) },
};
