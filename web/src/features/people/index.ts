import { lazyPage, type WebFeature } from '../../app/feature.ts';

export const peopleFeature: WebFeature = {
  name: 'people',
  routes: [{ path: 'people/:id', page: lazyPage(() => import('./PersonPage.tsx'), 'PersonPage') }],
};
