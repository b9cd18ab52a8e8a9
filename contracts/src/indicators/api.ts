import { dhis2Endpoints } from './dhis2.api.ts';
import { derivedEndpoints } from './derived.api.ts';
import { metadataEndpoints } from './metadata.api.ts';
import { reportEndpoints } from './reports.api.ts';

/** Every endpoint of the indicators module: metadata, entry and reports (+ dashboards and DHIS2 exchange). */
export const indicatorEndpoints = {
  ...metadataEndpoints,
  ...reportEndpoints,
  ...derivedEndpoints,
  ...dhis2Endpoints,
};
