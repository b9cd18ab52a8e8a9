/** The public showcase of "Dân vận khéo" models (issue 15 item 6): its routes, for emulation/index.ts. */
export { registerPublicRoutes } from './public.routes.ts';
