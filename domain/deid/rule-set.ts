import type { ActionCode, AnnexERow } from './annex-e-types';
import { activeOptionColumns, type DeidOptions } from './options';
import { ANNEX_E_ROWS } from './tables/annex-e-table.generated';

/** The Table E.1-1 actions resolved for one set of options, looked up by numeric tag. */
export interface RuleSet {
  readonly byTag: ReadonlyMap<number, ActionCode>;
  /** (50xx,xxxx) Curve Data, for the whole repeating group. */
  readonly curveGroup: ActionCode;
  readonly overlayData: ActionCode;
  readonly overlayComments: ActionCode;
  readonly privateAttributes: ActionCode;
}

/**
 * Resolves one row: option columns override the Basic Profile column. When two chosen options disagree on a row
 * (for instance Retain Device Identity K and Modified Dates C on Date of Last Detector Calibration), clean wins
 * over keep, because C still retains the information while removing what identifies.
 */
export function resolveRow(row: Pick<AnnexERow, 'basic' | 'options'>, options: DeidOptions): ActionCode {
  let keep = false;
  let clean = false;
  for (const column of activeOptionColumns(options)) {
    const code = row.options[column];
    if (code === 'C') clean = true;
    if (code === 'K') keep = true;
  }
  if (clean) return 'C';
  if (keep) return 'K';
  return row.basic;
}

const cache = new Map<string, RuleSet>();

/** Builds (once per option set) the tag-keyed lookup the profile walker uses for every element. */
export function ruleSetFor(options: DeidOptions): RuleSet {
  const key = JSON.stringify(options);
  const cached = cache.get(key);
  if (cached) return cached;
  const byTag = new Map<number, ActionCode>();
  let curveGroup: ActionCode = 'X';
  let overlayData: ActionCode = 'X';
  let overlayComments: ActionCode = 'X';
  let privateAttributes: ActionCode = 'X';
  for (const row of ANNEX_E_ROWS) {
    const action = resolveRow(row, options);
    if (row.tag === 'ODD_GROUP') privateAttributes = action;
    else if (row.tag === '50XXXXXX') curveGroup = action;
    else if (row.tag === '60XX3000') overlayData = action;
    else if (row.tag === '60XX4000') overlayComments = action;
    else byTag.set(parseInt(row.tag, 16), action);
  }
  const ruleSet: RuleSet = { byTag, curveGroup, overlayData, overlayComments, privateAttributes };
  cache.set(key, ruleSet);
  return ruleSet;
}
