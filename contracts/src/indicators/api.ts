import { dhis2Endpoints } from './dhis2.api.ts';
import { derivedEndpoints } from './derived.api.ts';
import { excelEndpoints } from './excel.api.ts';
import { dashboardEndpoints } from './dashboard.api.ts';
import { metadataEndpoints } from './metadata.api.ts';
import { reportEndpoints } from './reports.api.ts';

/** Every endpoint of the indicators module: metadata, entry and reports, Excel templates, derived values (+ dashboards and DHIS2 exchange). */
export const indicatorEndpoints = {
  ...metadataEndpoints,
  ...reportEndpoints,
  ...derivedEndpoints,
  ...excelEndpoints,
  ...dashboardEndpoints,
  ...dhis2Endpoints,
};
