/** Programmes: create, list, read, edit, implementation plans, the document file, pack loading (helper: programmes core). */
export const programmeEndpoints = {};
