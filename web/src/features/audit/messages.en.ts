import type { auditVi } from './messages.vi.ts';

/** English for messages.vi.ts (same keys), fetched only when English is chosen (i18n/en.ts). */
export const auditEn: Record<keyof typeof auditVi, string> = {
  'audit.title': 'Audit log',
  'audit.filters': 'Filter the log',
  'audit.user': 'User',
  'audit.actionLabel': 'Action',
  'audit.entityLabel': 'Record',
  'audit.apply': 'Filter',
  'audit.detail': 'Details',
  'audit.none': 'No entries.',
  'audit.more': 'Show more',
  'audit.action.create': 'Created',
  'audit.action.update': 'Updated',
  'audit.action.delete': 'Deleted',
  'audit.action.read_protected': 'Read protected data',
  'audit.action.login': 'Signed in',
  'audit.action.login_failed': 'Failed sign-in',
  'audit.action.logout': 'Signed out',
  'audit.action.password_change': 'Changed password',
  'audit.action.import': 'Imported a file',
  'audit.action.download': 'Downloaded a file',
  'audit.entity.user': 'Account',
  'audit.entity.admin_unit': 'Unit',
  'audit.entity.organization': 'Organisation',
  'audit.entity.person': 'Person',
  'audit.entity.person_role': 'Role',
  'audit.entity.attachment': 'Attachment',
  'audit.entity.indicator_report': 'Periodic report',
  'audit.entity.data_set': 'Data set',
  'audit.entity.data_element': 'Data element',
  'audit.entity.category_combo': 'Disaggregation',
  'audit.entity.indicator': 'Indicator',
  'audit.entity.dhis2_import': 'DHIS2 data',
  // --- prog-core ---
  'audit.entity.programme': 'Programme',
  'audit.entity.programme_target': 'Programme target',
  // --- prog-tasks ---
  'audit.entity.programme_solution_group': 'Solution group',
  'audit.entity.programme_task': 'Task',
  'audit.entity.task_assignment': 'Task assignment',
  'audit.entity.task_progress': 'Progress report',
  'audit.entity.programme_review': 'Review milestone',
  'audit.entity.programme_budget_line': 'Budget line',
  // --- pet-legal ---
  'audit.entity.legal_calendar_year': 'Calendar year',
  'audit.entity.legal_calendar_day': 'Calendar day',
  'audit.entity.legal_rule_set': 'Time-limit rule set',
  'audit.entity.legal_rule': 'Time-limit rule',
  // --- pet-recv ---
  'audit.entity.reception_frequency_rule': 'Reception frequency rule',
  'audit.entity.reception_schedule': 'Reception schedule',
  'audit.entity.reception_session': 'Reception session',
  'audit.entity.reception_dialogue': 'Dialogue or voter meeting',
  'audit.entity.front_activity': 'Front supervision or social critique',
  'audit.entity.reception_recommendation': 'Recommendation (reception, supervision)',
  // --- pet-core ---
  'audit.entity.petition_case': 'Citizen case',
  'audit.entity.petition_field': 'Case field',
  // --- pet-portal ---
  'audit.entity.petition_portal_submission': 'Case filed on the citizen portal',
  // --- emulation ---
  'audit.entity.emulation_campaign': '“Skilful mass mobilisation” emulation campaign',
  'audit.entity.emulation_model': '“Skilful mass mobilisation” exemplary model',
  // --- emu-review ---
  'audit.entity.emulation_review_sheet': 'Emulation campaign scoring sheet',
  'audit.entity.emulation_nomination': 'Nomination of a model for review',
  // --- emu-commit ---
  'audit.entity.emulation_commitment_count': 'Emulation commitment registrations',
  'audit.entity.emulation_commitment_breach': 'Breach of an emulation commitment',
  // --- surveys ---
  'audit.entity.survey': 'Survey',
  'audit.entity.survey_response': 'Survey response',
  // --- grassroots ---
  'audit.entity.field_visit': 'Field visit',
  'audit.entity.field_visit_purpose': 'Field visit purpose',
  // --- training ---
  'audit.entity.training_course': 'Training course',
  // --- sentiment ---
  'audit.entity.sentiment_report': 'Public sentiment report',
  'audit.entity.sentiment_alert': 'Public sentiment early warning',

  // --- shell-home ---
  'audit.entries': 'Audit entries',
  'audit.sentence': '{actor} {verb} {object}',
  'audit.sentenceNoObject': '{actor} {verb}',
  'audit.entityNumber': '{entity} no. {id}',
  'audit.typedName': 'Username “{name}”',
  'audit.system': 'The system',
  'audit.verb.create': 'added',
  'audit.verb.update': 'changed',
  'audit.verb.delete': 'deleted',
  'audit.verb.read_protected': 'read the protected data of',
  'audit.verb.login': 'signed in',
  'audit.verb.login_failed': 'failed to sign in',
  'audit.verb.logout': 'signed out',
  'audit.verb.password_change': 'changed their password',
  'audit.verb.import': 'imported a file into',
  'audit.verb.download': 'downloaded',
  'audit.verb.report.values': 'entered figures in',
  'audit.verb.report.draft': 'moved back to draft',
  'audit.verb.report.submitted': 'sent',
  'audit.verb.report.accepted': 'accepted',
  'audit.verb.report.returned': 'returned',
  'audit.verb.report.approved': 'approved',
  'audit.verb.report.unapproved': 'withdrew the approval of',
  'audit.verb.backfill': 'back-filled the history of',
  // --- shell-history ---
  'audit.action.backfill': 'Back-filled history (system administrator)',
  // --- prog ---
  'audit.action.load_pack': 'Loaded a programme pack',
  'audit.verb.load_pack': 'loaded from a programme pack',
};
