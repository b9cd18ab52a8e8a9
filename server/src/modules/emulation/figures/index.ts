/** What the emulation module and its other folders (models/, review/, demo/) use of the figures of models. */
export {
  AGENCIES_COMMUNE,
  AGENCIES_PROVINCE,
  EMULATION_DERIVED_CODES,
  emulationDerivedValues,
  recognisedCode,
  touchModelFigures,
  villagesSelfManagementCode,
} from './figures-derived.ts';
