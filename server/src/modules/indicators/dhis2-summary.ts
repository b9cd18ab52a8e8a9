import type { TImportConflict, TImportStrategy, TImportSummary } from '#contracts/indicators/dhis2.api.ts';

/** How much of the detail a summary keeps (counts are always complete). */
const MAX_CONFLICTS = 1000;
const MAX_INDEXES = 1000;
const MAX_REJECTED = 100_000;

/** DHIS2 2.42 error codes the import uses (texts in messages.ts); DVS1xx are ours where 2.42 has none. */
export type Dhis2ErrorCode =
  | 'E7600' // data set not found or not accessible (whole file)
  | 'E7603' // header unit not found or not accessible (whole file)
  | 'E7604' // header attribute option combo not the default (whole file)
  | 'E7610' // data element not found or not accessible
  | 'E7611' // period not valid
  | 'E7612' // unit not found
  | 'E7613' // disaggregation (category option combo) not found
  | 'E7615' // attribute option combo other than the default
  | 'E7617' // unit outside the user's scope
  | 'E7618' // no value
  | 'E7619' // value does not fit the element's type
  | 'E7620' // comment too long
  | 'E7632' // period type not the data set's
  | 'E7633' // element not in the file's data set
  | 'E7634' // disaggregation not of the element's combo
  | 'E7641' // future period
  | 'E7642' // report approved
  | 'E8128' // same data value twice in the file (2.43's check, applied per value)
  | 'DVS100' // file unreadable from some point on
  | 'DVS101' // derived element (computed by the app, never imported)
  | 'DVS102'; // report submitted or accepted, waiting for review

/**
 * Builds a DHIS2 2.42 ImportSummary: counts, conflicts merged by (code, object, reason) with the indexes of the
 * values they concern, rejected indexes, and the status (SUCCESS, WARNING when a value was rejected, ERROR when
 * the file as a whole was refused or could not be read to its end).
 */
export class SummaryBuilder {
  readonly count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  private readonly conflicts = new Map<string, TImportConflict>();
  private readonly rejected: number[] = [];
  private truncated = false;
  private error: string | null = null;

  /** The options reported back; a payload's `dryRun: true` turns a run into a dry run. */
  constructor(readonly options: { dryRun: boolean; importStrategy: TImportStrategy; format: 'json' | 'csv' }) {}

  /** A value refused: counted ignored, its index rejected, the conflict recorded. */
  reject(index: number, errorCode: Dhis2ErrorCode, object: string, reason: string): void {
    this.count.ignored++;
    if (this.rejected.length < MAX_REJECTED) this.rejected.push(index);
    else this.truncated = true;
    this.addConflict(errorCode, object, reason, index);
  }

  /** The whole file refused (or unreadable past some point): status ERROR. */
  fail(errorCode: Dhis2ErrorCode, object: string, reason: string): void {
    this.error ??= reason;
    this.addConflict(errorCode, object, reason, null);
  }

  get failed(): boolean {
    return this.error !== null;
  }

  /** Why the file was refused, when it was. */
  get failure(): string | null {
    return this.error;
  }

  private addConflict(errorCode: string, object: string, value: string, index: number | null): void {
    const key = `${errorCode}\u0000${object}\u0000${value}`;
    let conflict = this.conflicts.get(key);
    if (!conflict) {
      if (this.conflicts.size >= MAX_CONFLICTS) {
        this.truncated = true;
        return;
      }
      conflict = { object, value, errorCode, indexes: [] };
      this.conflicts.set(key, conflict);
    }
    if (index === null) return;
    if (conflict.indexes.length < MAX_INDEXES) conflict.indexes.push(index);
    else this.truncated = true;
  }

  build(description: string): TImportSummary {
    // batches are written side by side (BatchPipeline): order what they recorded by the values' places in the
    // file; a conflict of the whole file (no index) stays after them
    const conflicts = [...this.conflicts.values()]
      .map((c) => ({ ...c, indexes: [...c.indexes].sort((a, b) => a - b) }))
      .sort((a, b) => (a.indexes[0] ?? Number.POSITIVE_INFINITY) - (b.indexes[0] ?? Number.POSITIVE_INFINITY));
    return {
      responseType: 'ImportSummary',
      status: this.error !== null ? 'ERROR' : conflicts.length > 0 ? 'WARNING' : 'SUCCESS',
      description: this.error ?? description,
      importOptions: { ...this.options },
      importCount: { ...this.count },
      conflicts,
      rejectedIndexes: [...this.rejected].sort((a, b) => a - b),
      dataSetComplete: 'false',
      truncated: this.truncated,
    };
  }
}
