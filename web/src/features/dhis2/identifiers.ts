import { localUid } from '#contracts/indicators/dhis2-ids.ts';
import type { TIdScheme } from '#contracts/indicators/dhis2.api.ts';
import type { TDataSet } from '#contracts/indicators/metadata.api.ts';

/** How a data set is named to the server: its code under CODE, else its DHIS2 uid (mapped or derived). */
export const dataSetIdentifier = (dataSet: Pick<TDataSet, 'id' | 'code' | 'dhis2Uid'>, scheme: TIdScheme) =>
  scheme === 'CODE' ? dataSet.code : (dataSet.dhis2Uid ?? localUid('dataSet', dataSet.id));

/** A unit is named by its derived uid, which the server reads under either scheme. */
export const unitIdentifier = (unitId: number) => localUid('unit', unitId);
