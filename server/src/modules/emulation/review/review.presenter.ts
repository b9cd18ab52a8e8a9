import type { TNomination, TReviewScore, TReviewSheet } from '#contracts/emulation/review.api.ts';
import type { TUnitLevel } from '#contracts/units.ts';
import type { ItemRow, NominationRow, ScoreRow, SheetRow } from './review.repository.ts';
import type { ReviewResult } from './review.rules.ts';

const num = (value: number | string | null) => (value === null ? null : Number(value));

export function presentSheet(sheet: SheetRow, items: readonly ItemRow[], canManage: boolean): TReviewSheet {
  return {
    id: sheet.id,
    campaignId: sheet.campaign_id,
    passPercent: Number(sheet.pass_percent),
    version: sheet.version,
    inUse: sheet.in_use,
    canManage,
    items: items.map((item) => ({
      id: item.id,
      criterionId: item.criterion_id,
      appliesTo: item.applies_to as TReviewSheet['items'][number]['appliesTo'],
      code: item.code,
      text: item.text,
      scoring: item.scoring as TReviewSheet['items'][number]['scoring'],
      weight: num(item.weight),
      maxScore: num(item.max_score),
      position: item.position,
    })),
  };
}

export function presentNomination(row: NominationRow, result: ReviewResult, rank: number | null): TNomination {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    sheetId: row.sheet_id,
    model: { id: row.model_id, title: row.model_title, kind: row.kind as 'collective' | 'individual', field: row.model_field, status: row.model_status },
    fromUnit: { id: row.unit_id, fullName: row.unit_full_name, level: row.unit_level as TUnitLevel },
    toUnit: { id: row.to_unit_id, fullName: row.to_full_name, level: row.to_level as TUnitLevel },
    note: row.note,
    status: row.status as TNomination['status'],
    reviewerCount: result.reviewerCount,
    totalPercent: result.totalPercent,
    complete: result.complete,
    passed: result.passed,
    rank,
    concludedOn: row.concluded_on,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function presentScore(row: ScoreRow): TReviewScore {
  return {
    itemId: row.item_id,
    reviewer: { id: row.reviewer_id, name: row.reviewer_name },
    score: num(row.score),
    passed: row.passed,
    note: row.note,
    revision: row.revision,
    at: new Date(row.at).toISOString(),
  };
}
