/**
 * What the portal's neighbours in the petitions module use (Open311 files through the portal's path; the hot-spot
 * routes serve the portal's photo): the rest of portal/ is private to it.
 */
export { portalFields, submit, type FilingContext, type PortalDeps } from './portal.service.ts';
export { findCommuneByCode, findProvince, provincePrefix } from './portal.repository.ts';
export { portalPhoto } from './portal-photo.service.ts';
export { portalScopeFixtures } from './portal.fixtures.ts';
export { PORTAL_FILE_GROUP, PORTAL_FILE_PER_MINUTE } from './portal.routes.ts';
