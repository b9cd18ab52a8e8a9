import { DEFAULT_COC_UID } from '#contracts/indicators/dhis2-ids.ts';
import { DHIS2_IMPORT_TARGET, ZIdScheme, type TDhis2ImportQuery, type TIdScheme, type TImportSummary } from '#contracts/indicators/dhis2.api.ts';
import { parsePeriod, periodEnd } from '#contracts/indicators/period.ts';
import { JobFailed, type JobContext } from '#server/platform/jobs/job-queue.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField } from '#server/shared/errors.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { recordAudit } from '../audit/index.ts';
import { ForeignUnits, loadCatalogue, type Catalogue } from './dhis2-catalogue.ts';
import { Classifier, type ImportSettings } from './dhis2-classify.ts';
import { BatchPipeline } from './batch-pipeline.ts';
import { valueKey } from './data-value.repository.ts';
import { ProvinceCache, settleBatch } from './dhis2-import-batch.ts';
import { estimateValueCount, readCsvValues, readJsonValues, UnreadableFile, type Dhis2Header, type RawValue } from './dhis2-import-read.ts';
import { SummaryBuilder } from './dhis2-summary.ts';
import { indicatorPolicy } from './indicator.policy.ts';

export const DHIS2_IMPORT_JOB = 'indicators.dhis2-import';
/** Values decided and written per transaction. */
export const DHIS2_BATCH = 5000;
/** Batches written at the same time (BatchPipeline): each holds a pooled connection while it writes. */
export const DHIS2_WRITERS = 2;

type Format = 'json' | 'csv';

/** What the job carries: the stored file and the request's options (the actor is added by the queue). */
export interface Dhis2ImportPayload {
  sha256: string;
  filename: string;
  format: Format;
  query: TDhis2ImportQuery;
}

/** JSON or CSV, by the file's name, else by its first character. */
function formatOf(upload: Upload): Format | null {
  const name = upload.filename.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  const first = upload.data.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' ? 'json' : first === undefined ? null : 'csv';
}

/**
 * Starts a DHIS2 dataValueSets import: the file is stored in the blob store and a job queued (the response is
 * its id; GET /api/jobs/:id shows progress and, when done, the ImportSummary). A real import is audited here,
 * in the request's transaction; every value it changes carries the job id in its change row.
 */
export async function startDhis2Import(
  deps: Pick<ModuleContext, 'db' | 'files' | 'jobs'>,
  actor: Actor,
  upload: Upload,
  query: TDhis2ImportQuery,
): Promise<{ jobId: string; dryRun: boolean }> {
  authorize(indicatorPolicy.exchange(actor));
  const format = formatOf(upload);
  if (!format || upload.data.length === 0) throw invalidField('file', msg('indicators.dhis2.fileType'));
  const sha256 = await deps.files.put(upload.data);
  const payload: Dhis2ImportPayload = { sha256, filename: upload.filename, format, query };
  const jobId = await deps.db.transaction().execute(async (trx) => {
    const id = await deps.jobs.enqueue(trx, actor, { kind: DHIS2_IMPORT_JOB, payload, target: DHIS2_IMPORT_TARGET, unitId: actor.unitId, maxAttempts: 1 });
    if (!query.dryRun) {
      await recordAudit(trx, actor, {
        action: 'import',
        entity: 'dhis2_import',
        entityId: id,
        unitId: actor.unitId,
        after: { file: upload.filename, sha256, format, importStrategy: query.importStrategy },
      });
    }
    return id;
  });
  deps.jobs.kick();
  return { jobId, dryRun: query.dryRun };
}

/** A file refused as a whole (unknown data set, bad header): reading stops. */
class Refused extends Error {}

/** A scheme from the header (payload) wins over the request's; an object's own scheme over the general one. */
function schemeOf(header: Dhis2Header, query: TDhis2ImportQuery, own: 'dataElementIdScheme' | 'orgUnitIdScheme' | 'categoryOptionComboIdScheme' | 'dataSetIdScheme'): TIdScheme {
  const fromHeader = (value: string | undefined) => (value === undefined ? undefined : ZIdScheme.safeParse(value).data);
  return fromHeader(header[own]) ?? fromHeader(header.idScheme) ?? query[own] ?? query.idScheme ?? 'UID';
}

/** The import's settings from the request and the file's header; records a refusal of the whole file. */
function settingsOf(catalogue: Catalogue, query: TDhis2ImportQuery, header: Dhis2Header, summary: SummaryBuilder, format: Format): ImportSettings {
  const today = clock.today();
  const settings: ImportSettings = {
    strategy: query.importStrategy,
    schemes: {
      dataElement: schemeOf(header, query, 'dataElementIdScheme'),
      orgUnit: schemeOf(header, query, 'orgUnitIdScheme'),
      categoryOptionCombo: schemeOf(header, query, 'categoryOptionComboIdScheme'),
    },
    defaults: { period: header.period, orgUnit: header.orgUnit, attributeOptionCombo: header.attributeOptionCombo },
    dataSet: null,
    today,
    format,
  };
  const dataSetId = header.dataSet ?? query.dataSet;
  if (dataSetId !== undefined) {
    settings.dataSet = catalogue.dataSets.find(schemeOf(header, query, 'dataSetIdScheme'), dataSetId) ?? null;
    if (!settings.dataSet) summary.fail('E7600', dataSetId, msg('indicators.dhis2.E7600', { id: dataSetId }));
  }
  if (header.orgUnit !== undefined) {
    const period = parsePeriod(header.period ?? '');
    if (!catalogue.units.find(settings.schemes.orgUnit, header.orgUnit, period ? periodEnd(period.id) : today)) {
      summary.fail('E7603', header.orgUnit, msg('indicators.dhis2.E7603', { id: header.orgUnit }));
    }
  }
  const aoc = header.attributeOptionCombo;
  if (aoc !== undefined && aoc !== DEFAULT_COC_UID && catalogue.optionCombos.find(settings.schemes.categoryOptionCombo, aoc)?.id !== catalogue.defaultCocId) {
    summary.fail('E7604', aoc, msg('indicators.dhis2.E7604', { default: DEFAULT_COC_UID }));
  }
  return settings;
}

/**
 * The job: streams the stored file, classifies each batch of 5,000 values as DHIS2 2.42 does and writes it in
 * one transaction (none for a dry run), two batches at a time (BatchPipeline), reporting progress per batch. The result is the ImportSummary; a file
 * refused as a whole (or unreadable past some point) ends the job failed with that summary.
 */
export async function runDhis2Import(context: JobContext<Dhis2ImportPayload>): Promise<TImportSummary> {
  const { db, actor, payload, jobId } = context;
  authorize(indicatorPolicy.exchange(actor));
  const data = await context.files.get(payload.sha256);
  if (!data) throw new JobFailed(msg('jobs.uploadMissing'));
  const { query, format } = payload;
  const summary = new SummaryBuilder({ dryRun: query.dryRun, importStrategy: query.importStrategy, format });
  const total = estimateValueCount(data, format);
  await context.progress(0, total);
  const catalogue = await loadCatalogue(db, actor.scope);
  const foreign = new ForeignUnits(db);
  const provinces = new ProvinceCache(db);
  const pipeline = new BatchPipeline(DHIS2_WRITERS);
  let classifier: Classifier | null = null;
  let read = 0;
  let written = 0;

  const begin = async (header: Dhis2Header) => {
    if (header.dryRun?.toLowerCase() === 'true') summary.options.dryRun = true;
    classifier = new Classifier(catalogue, settingsOf(catalogue, query, header, summary, format), summary);
    if (summary.failed) throw new Refused();
  };
  const sink = async (batch: RawValue[]) => {
    if (!classifier) throw new Error('values before the header');
    await foreign.learn(classifier.unknownUnits(batch));
    const candidates = classifier.classify(batch, foreign);
    await provinces.load(candidates.flatMap((c) => (c.report ? [c.unitId, c.report.unitId] : [c.unitId])));
    const batchContext = { actor, jobId, strategy: query.importStrategy, summary, provinces };
    const keys = new Set(candidates.map((c) => valueKey({ ...c, dataElementId: c.elementId })));
    read += batch.length;
    await pipeline.add(keys, async () => {
      if (summary.options.dryRun) await settleBatch(db, batchContext, candidates, false);
      else await db.transaction().execute((trx) => settleBatch(trx, batchContext, candidates, true));
      written += batch.length;
      await context.progress(written, Math.max(total, read));
    });
  };

  try {
    if (format === 'json') await readJsonValues(data, DHIS2_BATCH, sink, begin);
    else {
      await begin({});
      await readCsvValues(data, DHIS2_BATCH, sink);
    }
  } catch (error) {
    if (error instanceof UnreadableFile) summary.fail('DVS100', payload.filename, msg('indicators.dhis2.DVS100', { count: read, detail: error.message }));
    else if (!(error instanceof Refused)) {
      await pipeline.drain().catch(() => undefined);
      throw error;
    }
  }
  await pipeline.drain();
  await context.progress(read, read);
  const result = summary.build(msg(summary.options.dryRun ? 'indicators.dhis2.dryRunDone' : 'indicators.dhis2.done', { count: read }));
  if (summary.failed) throw new JobFailed(result.description, result);
  return result;
}
