import type { TModelFigure } from '#contracts/emulation/model.ts';
import type { TChainModel, TModelDetail, TModelListItem, TModelStep, TModelStepKind } from '#contracts/emulation/model.schemas.ts';
import type { ModelRow, ModelSummaryRow } from './model.repository.ts';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

function owner(row: ModelSummaryRow): TModelListItem['owner'] {
  if (row.owner_organization_id !== null) return { kind: 'organization', id: row.owner_organization_id, name: row.owner_name };
  if (row.owner_person_id !== null) return { kind: 'person', id: row.owner_person_id, name: row.owner_name };
  if (row.owner_unit_id !== null) return { kind: 'unit', id: row.owner_unit_id, name: row.owner_name };
  return null;
}

/** A row of the list → the shared model shape (contracts/src/emulation/model.ts) and its replicas. */
export function presentModel(row: ModelSummaryRow): TModelListItem {
  return {
    id: row.id,
    provinceId: Number(row.province_id),
    unit: { id: Number(row.unit_id), fullName: row.unit_name, level: row.unit_level },
    village: row.village_id !== null ? { id: Number(row.village_id), name: row.village_name ?? '' } : null,
    campaign: row.campaign_id !== null ? { id: Number(row.campaign_id), title: row.campaign_title ?? '', year: Number(row.campaign_year) } : null,
    origin: row.origin_model_id !== null ? { id: row.origin_model_id, provinceId: Number(row.origin_province_id), title: row.origin_title } : null,
    kind: row.kind,
    field: row.field,
    owner: owner(row),
    title: row.title,
    summary: row.summary,
    startedOn: row.started_on,
    status: row.status,
    recognisedLevel: row.recognised_level,
    recognisedOn: row.recognised_on,
    published: row.published_at !== null,
    version: Number(row.version),
    replicaCount: Number(row.replica_count),
  };
}

export interface StepRow {
  id: string;
  step: string;
  on_date: string;
  details: unknown;
  file_ids: string[];
  by_user_id: number | null;
  by_user_name: string | null;
  at: Date | string;
}

export const presentStep = (s: StepRow): TModelStep => ({
  id: s.id,
  step: s.step as TModelStepKind,
  onDate: s.on_date,
  byUserId: s.by_user_id === null ? null : Number(s.by_user_id),
  byUserName: s.by_user_name,
  at: iso(s.at),
  details: { ...((s.details ?? {}) as Record<string, unknown>), ...(s.file_ids.length ? { fileIds: s.file_ids } : {}) },
});

export function presentModelDetail(
  row: ModelRow,
  extra: { steps: StepRow[]; chain: TChainModel[]; hiddenReplicas: number; actions: TModelDetail['actions']; recognisedBy: TModelDetail['recognisedBy'] },
): TModelDetail {
  return {
    ...presentModel(row),
    whatChanged: row.what_changed,
    figures: (row.figures ?? []) as TModelFigure[],
    lat: row.lat,
    lng: row.lng,
    recognisedBy: extra.recognisedBy,
    publishedAt: row.published_at ? iso(row.published_at) : null,
    createdAt: iso(row.created_at),
    steps: extra.steps.map(presentStep),
    chain: extra.chain,
    hiddenReplicas: extra.hiddenReplicas,
    actions: extra.actions,
  };
}
