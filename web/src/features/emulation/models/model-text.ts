import type { TModelField, TModelKind, TModelStatus, TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { TModelStepKind } from '#contracts/emulation/model.schemas.ts';
import { t } from '../../../i18n/i18n.ts';

export const fieldLabel = (field: TModelField) => t(`emulationModels.fields.${field}`);
export const kindLabel = (kind: TModelKind) => t(`emulationModels.kinds.${kind}`);
export const statusLabel = (status: TModelStatus) => t(`emulationModels.statuses.${status}`);
export const levelLabel = (level: TRecognitionLevel | 'none') => t(`emulationModels.levels.${level}`);
export const stepLabel = (step: TModelStepKind) => t(`emulationModels.steps.${step}`);
