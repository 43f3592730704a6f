/**
 * Generates the committed de-identification tables in domain/deid/tables from the shared reference data
 * (PS3.15 Annex E tables, safe-private lists, burned-in region libraries). Run after the data changes:
 *   npx tsx server/deid/tables/generate-deid-tables.ts [SHARED_DATA_DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionCode, AnnexERow, OptionColumn, PixelRegionRule, SafePrivateRow, StructuredContentRow } from '../../../domain/deid/annex-e-types';
import { parseCtpCondition, parseDeidGraylist } from '../../../domain/deid/region-condition-parsers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = path.resolve(process.argv[2] ?? path.resolve(repoRoot, '../shared/data'));
const outDir = path.resolve(repoRoot, 'domain/deid/tables');

const OPTION_COLUMNS: OptionColumn[] = [
  'rtnSafePrivOpt', 'rtnUIDsOpt', 'rtnDevIdOpt', 'rtnInstIdOpt', 'rtnPatCharsOpt',
  'rtnLongFullDatesOpt', 'rtnLongModifDatesOpt', 'cleanDescOpt', 'cleanStructContOpt', 'cleanGraphOpt',
];
const ACTION_CODES = new Set(['D', 'Z', 'X', 'K', 'C', 'U', 'Z/D', 'X/Z', 'X/D', 'X/Z/D', 'X/Z/U*']);

function action(code: string, where: string): ActionCode {
  if (!ACTION_CODES.has(code)) throw new Error(`unknown action code "${code}" in ${where}`);
  return code as ActionCode;
}

function optionCode(code: string, where: string): 'K' | 'C' {
  if (code !== 'K' && code !== 'C') throw new Error(`unexpected option code "${code}" in ${where}`);
  return code;
}

function annexERows(): AnnexERow[] {
  const raw = JSON.parse(readFileSync(path.join(dataDir, 'annex-e/confidentiality_profile_attributes.json'), 'utf8')) as Record<string, string>[];
  return raw.map((row) => {
    const tagText = row.tag ?? '';
    const match = /^\(([0-9A-FX]{4}),([0-9A-FX]{4})\)$/i.exec(tagText);
    const tag = match ? `${match[1]}${match[2]}`.toUpperCase() : /ODD/i.test(tagText) ? 'ODD_GROUP' : null;
    if (!tag) throw new Error(`unreadable tag ${tagText}`);
    const options: Partial<Record<OptionColumn, 'K' | 'C'>> = {};
    for (const column of OPTION_COLUMNS) if (row[column]) options[column] = optionCode(row[column]!, tagText);
    return { tag, name: row.name ?? '', basic: action(row.basicProfile ?? '', tagText), options };
  });
}

function structuredContentRows(): StructuredContentRow[] {
  const table = JSON.parse(readFileSync(path.join(dataDir, 'annex-e/table_E.3.4-1_clean_structured_content_2023b.json'), 'utf8')) as { header: string[]; rows: string[][] };
  const columnOf: Record<string, OptionColumn> = {
    'Rtn. UIDs Opt.': 'rtnUIDsOpt', 'Rtn. Dev. Id. Opt.': 'rtnDevIdOpt', 'Rtn. Inst. Id. Opt.': 'rtnInstIdOpt',
    'Rtn. Pat. Chars. Opt.': 'rtnPatCharsOpt', 'Rtn. Long. Full Dates Opt.': 'rtnLongFullDatesOpt',
    'Rtn. Long. Modif. Dates Opt.': 'rtnLongModifDatesOpt', 'Clean Desc. Opt.': 'cleanDescOpt',
  };
  const index = (name: string): number => {
    const found = table.header.indexOf(name);
    if (found < 0) throw new Error(`E.3.4-1 has no column ${name}`);
    return found;
  };
  return table.rows.map((row) => {
    const options: Partial<Record<OptionColumn, 'K' | 'C'>> = {};
    for (const [header, column] of Object.entries(columnOf)) {
      const value = row[index(header)];
      if (value) options[column] = optionCode(value, `E.3.4-1 ${row[1]}`);
    }
    return {
      codeValue: row[index('Code Value')]!, codingScheme: row[index('Coding Scheme Designator')]!,
      meaning: row[index('Code Meaning')]!, valueType: row[index('Value Type')]!,
      basic: action(row[index('Basic Prof.')]!, `E.3.4-1 ${row[1]}`), options,
    };
  });
}

function safePrivateRows(): SafePrivateRow[] {
  const merged = new Map<string, { group: number; elementInBlock: number; creator: string; sources: Set<string> }>();
  const add = (group: number, elementInBlock: number, creator: string, source: string): void => {
    const normalized = creator.trim().toUpperCase();
    const key = `${group}|${elementInBlock}|${normalized}`;
    const entry = merged.get(key) ?? { group, elementInBlock, creator: normalized, sources: new Set<string>() };
    entry.sources.add(source);
    merged.set(key, entry);
  };
  for (const line of readFileSync(path.join(dataDir, 'annex-e/table_E.3.10-1_safe_private_2023b.tsv'), 'utf8').split('\n').slice(1)) {
    const [element, creator] = line.split('\t');
    const match = /^\(([0-9A-F]{4}),xx([0-9A-F]{2})\)$/i.exec(element?.trim() ?? '');
    if (match && creator) add(parseInt(match[1]!, 16), parseInt(match[2]!, 16), creator, 'PS3.15 E.3.10-1 2023b');
  }
  for (const line of readFileSync(path.join(dataDir, 'annex-e/pixelmed-safe-private-attributes.tsv'), 'utf8').split('\n').slice(1)) {
    const [group, element, creator] = line.split('\t');
    if (group && element && creator && /^[0-9A-F]{4}$/i.test(group) && /^[0-9A-F]{2}$/i.test(element)) {
      add(parseInt(group, 16), parseInt(element, 16), creator, 'PixelMed isSafePrivateAttribute');
    }
  }
  const xml = readFileSync(path.join(dataDir, 'annex-e/ctp-PrivateTagDictionary.xml'), 'utf8');
  for (const match of xml.matchAll(/<element\b([^>]*)\/>/g)) {
    const attributes = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (attributes.code !== 'K' || !attributes.gp || !attributes.el || !attributes.cr) continue;
    add(parseInt(attributes.gp, 16), parseInt(attributes.el, 16), attributes.cr, 'CTP PrivateTagDictionary K');
  }
  return [...merged.values()]
    .sort((a, b) => a.creator.localeCompare(b.creator) || a.group - b.group || a.elementInBlock - b.elementInBlock)
    .map((entry) => ({ ...entry, sources: [...entry.sources].sort() }));
}

function pixelRegionRules(): PixelRegionRule[] {
  const ctp = JSON.parse(readFileSync(path.join(dataDir, 'pixel-regions/CTP-DicomPixelAnonymizer.parsed.json'), 'utf8')) as {
    signatures: { section: string; label: string; condition: string; regions_xywh: [number, number, number, number][] }[];
  };
  const ctpRules: PixelRegionRule[] = ctp.signatures.map((signature) => ({
    library: 'CTP',
    label: [signature.section, signature.label].filter(Boolean).join(': '),
    condition: parseCtpCondition(signature.condition),
    regions: signature.regions_xywh,
  }));
  const deidRules = parseDeidGraylist(readFileSync(path.join(dataDir, 'pixel-regions/pydicom-deid-deid.dicom'), 'utf8'));
  return [...ctpRules, ...deidRules];
}

function emit(file: string, header: string, typeImport: string, name: string, type: string, rows: unknown[]): void {
  const body = rows.map((row) => `  ${JSON.stringify(row)},`).join('\n');
  const text = `/* Generated by server/deid/tables/generate-deid-tables.ts — do not edit by hand. */\n${typeImport}\n\n/** ${header} */\nexport const ${name}: readonly ${type}[] = [\n${body}\n];\n`;
  writeFileSync(path.join(outDir, file), text);
  console.log(`${file}: ${rows.length} rows`);
}

emit('annex-e-table.generated.ts', 'PS3.15 Table E.1-1 (2024b, innolitics/dicom-standard @7f4749d).',
  "import type { AnnexERow } from '../annex-e-types';", 'ANNEX_E_ROWS', 'AnnexERow', annexERows());
emit('structured-content-table.generated.ts', 'PS3.15 Table E.3.4-1 (2023b DocBook): SR concept names for Clean Structured Content.',
  "import type { StructuredContentRow } from '../annex-e-types';", 'STRUCTURED_CONTENT_ROWS', 'StructuredContentRow', structuredContentRows());
emit('safe-private-table.generated.ts', 'Safe private attributes merged from PS3.15 E.3.10-1, PixelMed and CTP (code K), with provenance.',
  "import type { SafePrivateRow } from '../annex-e-types';", 'SAFE_PRIVATE_ROWS', 'SafePrivateRow', safePrivateRows());
emit('pixel-region-library.generated.ts', 'Known burned-in regions: CTP DicomPixelAnonymizer (first match wins) then deid graylist (all matches apply).',
  "import type { PixelRegionRule } from '../annex-e-types';", 'PIXEL_REGION_RULES', 'PixelRegionRule', pixelRegionRules());
