import { lazyPage, type WebFeature } from '../../app/feature.ts';

export const organizationsFeature: WebFeature = {
  name: 'organizations',
  routes: [{ path: 'organizations/:id', page: lazyPage(() => import('./OrganizationPage.tsx'), 'OrganizationPage') }],
};
