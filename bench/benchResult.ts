/** One figure of `npm run bench`, as written to bench/results.json. */
export interface BenchResult {
  name: string;
  value: number | null;
  unit: string;
  /** The same quantity measured on the reference run (see bench/README.md for each choice). */
  reference: number | null;
  /** value / reference, when both are known. */
  ratio: number | null;
  target: number | null;
  /** Whether value meets target; null when the issue names no target. */
  met: boolean | null;
}

/** Rounds to three decimals: enough for ms, MB and ratios, short in the table. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Builds a figure: ratio = value / reference; met compares value with target (lower is better unless told). */
export function result(
  name: string,
  value: number | null,
  unit: string,
  reference: number | null,
  target: number | null,
  lowerIsBetter = true,
): BenchResult {
  const ratio = value !== null && reference !== null && reference !== 0 ? value / reference : null;
  const met =
    target === null || value === null ? null : lowerIsBetter ? value <= target : value >= target;
  return {
    name,
    value: value === null ? null : round3(value),
    unit,
    reference: reference === null ? null : round3(reference),
    ratio: ratio === null ? null : round3(ratio),
    target,
    met,
  };
}
