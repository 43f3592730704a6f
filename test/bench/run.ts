import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, type BenchRow } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Each benchmark module exports one async function returning rows; `npm run bench -- NAME` runs one. */
const suites: { name: string; file: string; fn: string; title: string }[] = [
  { name: 'platform', file: 'platform.ts', fn: 'benchPlatform', title: 'Platform: event log, projections, subscriptions' },
  { name: 'ingest', file: 'ingest-scp.ts', fn: 'benchScp', title: 'DICOM ingest: Lightbox vs dcmtk storescp vs Orthanc' },
  { name: 'deid', file: 'deid.ts', fn: 'benchDeid', title: 'De-identification: Lightbox vs gdcmanon' },
];

const only = process.argv.slice(2);
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  const file = path.join(here, suite.file);
  if (!existsSync(file)) continue;
  const mod = (await import(file)) as Record<string, () => Promise<unknown[]>>;
  console.error(`running ${suite.name} benchmarks…`);
  const rows = await mod[suite.fn]!();
  if (rows.every((r) => typeof r === 'object' && r !== null && 'benchmark' in r && 'result' in r)) printTable(suite.title, rows as BenchRow[]);
  else {
    console.log(`\n${suite.title}`);
    console.table(rows);
  }
}
process.exit(0);
