import { lazyPage, type WebFeature } from '../../app/feature.ts';

/** Pages of the signed-in shell; the login and forced password pages sit outside it (app/routes.tsx). */
export const authFeature: WebFeature = {
  name: 'auth',
  routes: [{ path: 'account/password', page: lazyPage(() => import('./ChangePasswordPage.tsx'), 'ChangePasswordPage') }],
};
