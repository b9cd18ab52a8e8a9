import type { z } from 'zod';
import type { TCategoryCombo, ZCategoryComboInput } from '#contracts/indicators/metadata.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { recordAudit } from '../audit/index.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { conflictOnDuplicate, refuseRepeatedCodes, refuseTakenCodes } from './metadata-conflicts.ts';
import { toCategoryCombo } from './metadata.presenter.ts';
import { findOptionCombos } from './metadata.repository.ts';
import * as repo from './metadata-write.repository.ts';

type ComboInput = z.output<typeof ZCategoryComboInput>;

/** One option combination: the options' codes and names, one option per category, in the categories' order. */
interface OptionTuple {
  codes: string[];
  names: string[];
  ids: number[];
}

/** The cartesian product of the categories' options, the first category varying slowest. */
export function optionTuples(categories: readonly { options: readonly { id: number; code: string; name: string }[] }[]): OptionTuple[] {
  return categories.reduce<OptionTuple[]>(
    (tuples, category) =>
      tuples.flatMap((tuple) =>
        category.options.map((option) => ({ codes: [...tuple.codes, option.code], names: [...tuple.names, option.name], ids: [...tuple.ids, option.id] })),
      ),
    [{ codes: [], names: [], ids: [] }],
  );
}

/** Every disaggregation ('default' first) with its categories, options and option combos. */
export async function listCategoryCombos(db: Database, actor: Actor): Promise<TCategoryCombo[]> {
  authorize(indicatorPolicy.read(actor));
  return presentCombos(db, await repo.listComboRows(db));
}

async function presentCombos(db: Database, rows: readonly { id: number; code: string; name: string }[]) {
  const ids = rows.map((row) => row.id);
  const [parts, combos] = await Promise.all([repo.findComboCategories(db, ids), findOptionCombos(db, ids)]);
  return rows.map((row) => toCategoryCombo(row, parts, combos));
}

/**
 * Defines a disaggregation: its categories and options, and one option combo per combination of options, named
 * "Nữ, Dân tộc thiểu số" and coded `<combo>_<option>_<option>`. Categories are new (their codes must be free).
 */
export async function createCategoryCombo(db: Database, actor: Actor, input: ComboInput): Promise<TCategoryCombo> {
  authorize(indicatorPolicy.configure(actor));
  refuseRepeatedCodes(
    input.categories.map((category) => category.code),
    (i) => `categories.${i}.code`,
  );
  input.categories.forEach((category, c) =>
    refuseRepeatedCodes(
      category.options.map((option) => option.code),
      (i) => `categories.${c}.options.${i}.code`,
    ),
  );
  return db.transaction().execute(async (trx) => {
    await refuseTakenCodes(trx, 'category_combo', [input.code]);
    await refuseTakenCodes(
      trx,
      'category',
      input.categories.map((category) => category.code),
    );
    const tuples = optionTuples(input.categories.map((category) => ({ options: category.options.map((option) => ({ ...option, id: 0 })) })));
    await refuseTakenCodes(
      trx,
      'category_option_combo',
      tuples.map((tuple) => [input.code, ...tuple.codes].join('_')),
    );
    const id = await conflictOnDuplicate(async () => {
      const categories = [];
      for (const category of input.categories) {
        const categoryId = await repo.insertCategory(trx, { code: category.code, name: category.name });
        const optionIds = await repo.insertCategoryOptions(trx, categoryId, category.options);
        categories.push({ id: categoryId, options: category.options.map((option, i) => ({ ...option, id: optionIds[i] as number })) });
      }
      const comboId = await repo.insertCategoryCombo(trx, { code: input.code, name: input.name, categoryIds: categories.map((c) => c.id) });
      await repo.insertOptionCombos(
        trx,
        comboId,
        optionTuples(categories).map((tuple) => ({ code: [input.code, ...tuple.codes].join('_'), name: tuple.names.join(', '), optionIds: tuple.ids })),
      );
      return comboId;
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'category_combo', entityId: id, unitId: null, after: input });
    const [combo] = await presentCombos(trx, await repo.listComboRows(trx, id));
    if (!combo) throw new Error('written combo not readable');
    return combo;
  });
}
