import type { TSurveyForm } from '#contracts/surveys/form.ts';
import type { Database } from '#server/db/database.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import * as repo from './response.repository.ts';
import { crossFor, FormCache, storeResponses, type IncomingResponse, type StoreContext, type StoreSurvey } from './response-store.ts';
import { TallyBatch } from './tally.ts';

/**
 * The writing half of an import, in its transaction, while the caller checks the next rows: responses checked by
 * the caller (`item.checked`) go to the server, the tallies are gathered over the file (one TallyBatch) and applied
 * once before the commit. Two ways, the same outcome:
 * - CopyImportWriter (first): one COPY for the whole file, its lines streamed as the rows are checked;
 * - BatchImportWriter (when an id of the file is already stored, which fails that COPY): batches of 2,000 through
 *   storeResponses, ids looked up first (a stored one is counted as resent, not written again).
 */
export interface ResponseWriter {
  /** How many checked rows the caller gathers before handing them over. */
  readonly batch: number;
  /** Hands over checked responses and the file's row number of each; resolves when the caller may go on. */
  add(items: readonly IncomingResponse[], rows: readonly number[]): Promise<void>;
  /** Stops writing (a row error, a failure): waits for what is under way; the caller then rolls back. */
  settle(): Promise<void>;
  /** Waits for the last rows and applies the gathered tallies: how many responses were written and resent. */
  finish(): Promise<{ created: number; duplicates: number }>;
  /** Refusals by the store (an id of another survey, a unit not targeted …), with the caller's row numbers. */
  readonly refused: { row: number; field: string; message: string }[];
}

type ImportContext = Omit<StoreContext, 'tally'>;

/**
 * The whole file in one COPY, on both engines (PostgreSQL reads the lines as they arrive; PGlite once they are
 * all there). `add` queues the lines and counts the tallies, waiting only when the server is far behind. A stored
 * id fails the COPY as a whole: `add` or `finish` throw it (`repo.isDuplicateId`), and `settle` goes back to the
 * savepoint taken at `open`, so the caller can start again with BatchImportWriter in the same transaction.
 */
export class CopyImportWriter implements ResponseWriter {
  private readonly tally = new TallyBatch();
  private created = 0;
  /** Every step of checked rows goes straight to the COPY. */
  readonly batch = 1;
  readonly refused: { row: number; field: string; message: string }[] = [];

  private constructor(
    private readonly trx: Database,
    private readonly survey: StoreSurvey,
    private readonly context: ImportContext,
    private readonly version: { number: number; form: TSurveyForm },
    private readonly units: ReadonlySet<number>,
    private readonly cross: repo.CrossState,
    private readonly copy: repo.ResponseCopy,
  ) {}

  /**
   * Opens the COPY for responses to one version of the questionnaire, of these units (the survey's targets and the
   * units under them, or the one unit the import names): the crossing state is read first (no other statement can
   * run on the transaction while the COPY is open).
   */
  static async open(trx: Database, survey: StoreSurvey, context: ImportContext, version: { number: number; form: TSurveyForm }, units: ReadonlySet<number>) {
    const cross = await new FormCache(survey).cross(trx);
    const copy = await repo.openResponseCopy(trx, {
      province_id: survey.province_id,
      survey_id: survey.id,
      version_number: version.number,
      entered_by: context.enteredBy,
      import_job_id: context.importJobId ?? null,
      now: context.now,
    });
    return new CopyImportWriter(trx, survey, context, version, units, cross, copy);
  }

  async add(items: readonly IncomingResponse[], rows: readonly number[]): Promise<void> {
    const lines: repo.ImportedResponse[] = [];
    const { form } = this.version;
    for (const [k, item] of items.entries()) {
      const checked = item.checked;
      if (!checked || item.versionNumber !== this.version.number) throw new Error('an import writes responses checked against its version');
      if (!this.units.has(item.unitId)) {
        this.refused.push({ row: rows[k] ?? 0, field: 'unitId', message: msg('surveys.responses.unitNotTargeted') });
        continue;
      }
      lines.push({ id: item.id, unit_id: item.unitId, respondent_group: item.respondentGroup, answers: checked.answers, cells: checked.cells, submitted_at: item.submittedAt });
      this.tally.add(form, { unitId: item.unitId, group: item.respondentGroup, answers: checked.answers, cells: checked.cells }, 1, crossFor(this.cross, item));
    }
    this.created += lines.length;
    await this.copy.write(lines);
  }

  async settle(): Promise<void> {
    await this.copy.rollback();
  }

  async finish(): Promise<{ created: number; duplicates: number }> {
    const copied = await this.copy.end();
    if (copied !== this.created) throw new Error(`COPY wrote ${copied} responses, ${this.created} were sent`);
    await repo.applyTally(this.trx, this.survey, this.tally.deltas());
    if (copied > 0) {
      await recordAudit(this.trx, this.context.audit, {
        action: 'import',
        entity: 'survey_response',
        entityId: this.context.importJobId ?? null,
        unitId: this.survey.unit_id,
        after: { surveyId: this.survey.id, responses: copied },
      });
    }
    return { created: copied, duplicates: 0 };
  }
}

/**
 * Batches of checked responses stored one after the other through storeResponses, which looks their ids up first,
 * while the caller checks the next rows. `add` resolves as soon as the batch before has been written and this one is
 * under way: the checking of batch k+1 overlaps the writing of batch k (one statement at a time on the connection).
 */
export class BatchImportWriter implements ResponseWriter {
  private pending: Promise<void> = Promise.resolve();
  private readonly tally = new TallyBatch();
  private readonly forms: FormCache;
  private created = 0;
  private duplicates = 0;
  readonly batch = 2000;
  /** Refusals by the store (an id of another survey, a unit not targeted …), with the caller's row numbers. */
  readonly refused: { row: number; field: string; message: string }[] = [];

  constructor(
    private readonly trx: Database,
    private readonly survey: StoreSurvey,
    private readonly context: ImportContext,
  ) {
    this.forms = new FormCache(survey);
  }

  /** Starts writing a batch (responses and the file's row number of each) once the one before is written. */
  async add(items: readonly IncomingResponse[], rows: readonly number[]): Promise<void> {
    await this.pending;
    const write = storeResponses(this.trx, this.survey, items, { ...this.context, tally: this.tally }, this.forms).then((outcomes) => {
      for (const [k, outcome] of outcomes.entries()) {
        if (!outcome.ok) this.refused.push({ row: rows[k] ?? 0, field: outcome.field, message: outcome.message });
        else if (outcome.duplicate) this.duplicates += 1;
        else this.created += 1;
      }
    });
    // a failure is thrown by the next add, settle or finish (not reported as unhandled meanwhile)
    write.catch(() => undefined);
    this.pending = write;
  }

  /** Waits for the batch under way, whatever its outcome (before rolling back). */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  /** Waits for the last batch and applies the gathered tallies: how many responses were written and resent. */
  async finish(): Promise<{ created: number; duplicates: number }> {
    await this.pending;
    await repo.applyTally(this.trx, this.survey, this.tally.deltas());
    return { created: this.created, duplicates: this.duplicates };
  }
}
