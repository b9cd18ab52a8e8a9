import type { Database } from '#server/db/database.ts';
import { SERVER_MODULES } from '#server/modules/registry.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep, ServerModule } from '#server/shared/module.ts';
import * as repo from './demo.repository.ts';

/** The demo steps of the modules, in registry order and each module's own order. */
export const demoStepsOf = (modules: readonly ServerModule[]): DemoStep[] => modules.flatMap((module) => module.demoSteps ?? []);

/** What one load did: the steps it applied (name@version) and a summary line per step. */
export interface DemoLoad {
  loaded: boolean;
  applied: string[];
  summary: string;
}

/**
 * Applies the modules' demo steps that this database has not recorded yet, in order, each in its own transaction
 * together with its demo_step row: a step that fails leaves nothing behind and is retried on the next start; a
 * step added later (a new module) runs on an existing database. Two servers starting at once: the primary key of
 * demo_step lets only one of them apply a step (the other waits for it, then skips).
 */
export async function loadDemo(db: Database, modules: readonly ServerModule[] = SERVER_MODULES): Promise<DemoLoad> {
  const applied: string[] = [];
  const lines: string[] = [];
  for (const step of demoStepsOf(modules)) {
    const started = performance.now();
    const summary = await db.transaction().execute(async (trx) => {
      if (!(await repo.claimDemoStep(trx, step.name, step.version))) return null;
      return step.run(trx, { today: clock.today() });
    });
    if (summary === null) continue;
    applied.push(`${step.name}@${step.version}`);
    lines.push(`${step.name} v${step.version}: ${summary} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (applied.length > 0) {
    const started = performance.now();
    await repo.refreshStatistics(db);
    lines.push(`statistics refreshed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { loaded: applied.length > 0, applied, summary: applied.length > 0 ? lines.join('; ') : 'demo already loaded' };
}
