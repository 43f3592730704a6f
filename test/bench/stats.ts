/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface BenchRow {
  benchmark: string;
  result: string;
  note?: string;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const widths = [Math.max(9, ...rows.map((r) => r.benchmark.length)), Math.max(6, ...rows.map((r) => r.result.length))];
  console.log(`\n${title}`);
  console.log(`| ${'benchmark'.padEnd(widths[0]!)} | ${'result'.padEnd(widths[1]!)} | note`);
  console.log(`|${'-'.repeat(widths[0]! + 2)}|${'-'.repeat(widths[1]! + 2)}|------`);
  for (const r of rows) console.log(`| ${r.benchmark.padEnd(widths[0]!)} | ${r.result.padEnd(widths[1]!)} | ${r.note ?? ''}`);
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
