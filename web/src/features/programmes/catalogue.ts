/** The Vietnamese strings of these pages, fetched with them (not in the first load: app/feature.ts lazyPage). */
export const programmesVietnamese = () => import('./messages.vi.ts').then((m) => m.programmesVi);
