import type { ActionCode } from './annex-e-types';
import type { DicomDataset } from './dicom-dataset';
import { isPrivateTag } from './dicom-dataset';
import type { RuleSet } from './rule-set';
import { ANNEX_E_ROWS } from './tables/annex-e-table.generated';
import { identifierTerms, personNameTerms } from './text-scrubber';

const IDENTIFYING_NAME = /Patient|Institution|Address|Telephone|Accession|Physician|Operator|Issuer|Birth|Name|\bID\b|Identifier|Department|Location|Occupation|Mother|Insurance|Responsible|Military|Country|Region|Station/i;

/** Table E.1-1 attributes whose values name or locate a person or place, so their words are scrubbed from free text. */
const IDENTIFYING_TAGS: ReadonlySet<number> = new Set(
  ANNEX_E_ROWS.filter((row) => /^[0-9A-F]{8}$/.test(row.tag) && IDENTIFYING_NAME.test(row.name)).map((row) => parseInt(row.tag, 16)),
);

const TEXT_VRS = new Set(['LO', 'SH', 'ST', 'LT', 'UT', 'UC']);

function removes(action: ActionCode | undefined): boolean {
  return action !== undefined && action !== 'K' && action !== 'C';
}

/**
 * Collects the identifying terms of one instance (at every nesting level): the words of every person name and of
 * every identifying attribute the profile removes or replaces. These feed the TextScrubber for the clean actions.
 */
export function collectIdentifyingTerms(dataset: DicomDataset, rules: RuleSet, terms: string[] = []): string[] {
  for (const element of dataset) {
    if (element.items) {
      for (const item of element.items) collectIdentifyingTerms(item, rules, terms);
      continue;
    }
    if (!element.value || element.value.length === 0 || isPrivateTag(element.tag)) continue;
    const action = rules.byTag.get(element.tag);
    if (element.vr === 'PN' && action !== 'K') terms.push(...personNameTerms(element.value));
    else if (TEXT_VRS.has(element.vr) && IDENTIFYING_TAGS.has(element.tag) && removes(action)) terms.push(...identifierTerms(element.value));
  }
  return terms;
}
