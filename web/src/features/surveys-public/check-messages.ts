import { t } from '../../i18n/i18n.ts';
import type { CheckMessages } from './form-logic.ts';

/** The check's messages in the interface language. */
export const checkMessages = (): CheckMessages => ({
  required: t('surveyForm.check.required'),
  integer: t('surveyForm.check.integer'),
  decimal: t('surveyForm.check.decimal'),
  date: t('surveyForm.check.date'),
  choice: t('surveyForm.check.choice'),
  constraint: t('surveyForm.check.constraint'),
});
