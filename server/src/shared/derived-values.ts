import type { DerivedMemo, DerivedValue, DerivedValues, ServerModule } from './module.ts';

/** Derived values when none is registered (tests that build a job queue alone): touching one is a bug. */
export const NO_DERIVED_VALUES: DerivedValues = {
  registered: new Map(),
  touch: async (_trx, _actor, code) => {
    throw new Error(`derived value ${code} is not registered`);
  },
  touchAll: async (_trx, _actor, touches) => {
    if (touches.length > 0) throw new Error(`derived value ${touches[0]?.code} is not registered`);
  },
};

/** A fresh memo for the values computed together in one transaction (`touchAll`, one backfill day and group). */
export function derivedMemo(): DerivedMemo {
  const results = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let result = results.get(key) as Promise<T> | undefined;
      if (!result) results.set(key, (result = compute()));
      return result;
    },
  };
}

/** `compute()` once per key of `memo`, or simply `compute()` when the value is computed alone (no memo). */
export const memoized = <T>(memo: DerivedMemo | undefined, key: string, compute: () => Promise<T>): Promise<T> => (memo ? memo.once(key, compute) : compute());

/**
 * `ModuleContext.derived` for these modules: every module's `derivedValues` by code (a code registered twice is
 * a startup error), handed to the one module that stores them (`derivedStore`), so no module imports another.
 */
export function derivedValuesOf(modules: readonly ServerModule[]): DerivedValues {
  const registered = new Map<string, DerivedValue>();
  for (const module of modules) {
    for (const value of module.derivedValues ?? []) {
      if (registered.has(value.code)) throw new Error(`derived value ${value.code} registered twice`);
      registered.set(value.code, value);
    }
  }
  const stores = modules.filter((module) => module.derivedStore);
  if (stores.length > 1) throw new Error(`several modules store derived values: ${stores.map((m) => m.name).join(', ')}`);
  const [store] = stores;
  if (!store?.derivedStore) {
    if (registered.size > 0) throw new Error('derived values are registered but no module stores them');
    return NO_DERIVED_VALUES;
  }
  return store.derivedStore(registered);
}
