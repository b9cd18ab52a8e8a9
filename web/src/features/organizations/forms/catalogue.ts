/** The Vietnamese strings of the organisation forms, fetched with the pages that show them (app/feature.ts lazyPage). */
export const organizationFormsVietnamese = () => import('./messages.vi.ts').then((m) => m.organizationFormsVi);
