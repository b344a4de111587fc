/**
 * A load-independent guard against super-linear work (catastrophic regex backtracking, quadratic scans) for unit
 * tests. A wall-clock limit ("under 2 s") fails on a busy machine and passes a quadratic algorithm on a fast one;
 * the ratio of two timings of the same code on inputs `factor` times apart does neither: linear work gives about
 * `factor`, quadratic work `factor²`. Each size is timed several times and the fastest run kept, so a pause in the
 * middle of one run does not count. Speed itself is measured by `npm run bench`, never here.
 */
export interface Growth {
  /** Fastest time at the large size divided by the fastest time at the small size. */
  readonly ratio: number;
  /** Fastest time at the large size, in milliseconds. */
  readonly largeMs: number;
}

export interface GrowthOptions {
  /** How many times larger the second input is (default 4). */
  readonly factor?: number;
  /** Timed runs per size; the fastest counts (default 3). */
  readonly repeats?: number;
}

/** Times `run(1)` and `run(factor)`; `run(k)` must build and process an input k times the base size. */
export function measureGrowth(run: (scale: number) => unknown, options: GrowthOptions = {}): Growth {
  const factor = options.factor ?? 4;
  const repeats = options.repeats ?? 3;
  run(1); // warm-up: compile the code paths before timing them
  const fastest = (scale: number): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      run(scale);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const small = fastest(1);
  const largeMs = fastest(factor);
  return { ratio: largeMs / Math.max(small, 0.05), largeMs };
}

/**
 * True when the growth looks linear (or n log n): the ratio stays under half of the quadratic ratio, or the large
 * input took too little time (< `floorMs`) for the ratio to mean anything.
 */
export function isLinearGrowth(growth: Growth, factor = 4, floorMs = 25): boolean {
  return growth.largeMs < floorMs || growth.ratio < (factor * factor) / 2;
}

/**
 * Measures up to `attempts` times and answers true as soon as one measurement looks linear. Noise (another process,
 * a garbage collection inside the large runs) only ever makes work look slower, so a linear function passes within a
 * few attempts; a quadratic one fails every attempt.
 */
export function growsLinearly(
  run: (scale: number) => unknown,
  options: GrowthOptions & { attempts?: number } = {},
): boolean {
  const factor = options.factor ?? 4;
  for (let attempt = 0; attempt < (options.attempts ?? 3); attempt++) {
    if (isLinearGrowth(measureGrowth(run, options), factor)) return true;
  }
  return false;
}
