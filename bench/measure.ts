/** One way of answering a question; `run` returns the number of rows it got. */
export type Variant = { name: string; run: () => Promise<number> };

/** Runs the variants interleaved (`warmup` untimed rounds first); samples in ms per variant and the row counts. */
export async function measure(variants: Variant[], runs: number, warmup: number) {
  const samples = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
  const sizes = new Map<string, number>();
  for (let i = 0; i < warmup + runs; i++) {
    for (const variant of variants) {
      const start = performance.now();
      const size = await variant.run();
      const elapsed = performance.now() - start;
      sizes.set(variant.name, size);
      if (i >= warmup) samples.get(variant.name)?.push(elapsed);
    }
  }
  return { samples, sizes };
}
