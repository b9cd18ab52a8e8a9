import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { authVi } from './messages.vi.ts';

/** Pages of the signed-in shell; the login and forced password pages sit outside it (app/routes.tsx). */
export const authFeature: WebFeature = {
  name: 'auth',
  routes: [
    { path: 'account/password', page: lazyPage(() => import('./ChangePasswordPage.tsx'), 'ChangePasswordPage') },
  ],
  messages: { vi: authVi, en: () => import('./messages.en.ts').then((m) => m.authEn) },
};
