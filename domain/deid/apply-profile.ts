import type { ActionCode } from './annex-e-types';
import { resolveForIod, type IodContext } from './composite-actions';
import type { DicomDataset, DicomElement } from './dicom-dataset';
import { asciiValues, elementOf, encodeAscii, groupOf, isPrivateTag } from './dicom-dataset';
import type { DeidOptions } from './options';
import { safePrivateTags } from './private-elements';
import type { RuleSet } from './rule-set';
import { CONTENT_SEQUENCE, contentItemAction } from './structured-content';
import type { TextScrubber } from './text-scrubber';
import { dummyValue, isStandardUid, shiftDateValue } from './value-replacements';

const PATIENT_ID = 0x00100020;
const REFERENCED_FILE_ID = 0x00041500;
const TEXT_VALUE = 0x0040a160;
const PERSON_NAME = 0x0040a123;
const GRAPHIC_ANNOTATION_SEQUENCE = 0x00700001;
/** Written afterwards by the marker step, whatever the input held. */
const MARKER_TAGS = new Set([0x00120062, 0x00120063, 0x00120064, 0x00280303]);
const FREE_TEXT_VRS = new Set(['LO', 'LT', 'ST', 'UT', 'SH', 'UC', 'PN']);
const DATE_VRS = new Set(['DA', 'DT', 'TM']);

/** How free text that Table E.1-1 does not list is treated inside a sequence whose own action was D or C. */
type TextMode = 'keep' | 'dummy' | 'clean';

/** Everything the walker needs besides the dataset; the keyed functions come from the caller (no secrets here). */
export interface ProfileRun {
  readonly options: DeidOptions;
  readonly rules: RuleSet;
  readonly sopClassUid: string;
  readonly multiFrameFunctionalGroups: boolean;
  readonly patientPseudonym: string;
  readonly dateShiftDays: number;
  /** SR Content Sequence is cleaned (not blanked) — the option, or forced for TCE manifests and ATFI. */
  readonly cleanContent: boolean;
  remapUid(uid: string): string;
  scrubber(): TextScrubber;
}

/**
 * DICOMDIR Referenced File IDs are paths whose folder names are often the patient ID or name. Each component becomes
 * a keyed pseudonym that stays a valid CS path component (≤ 8 characters, PS3.10 §8.2), the same for the same name.
 */
function pseudonymousFilePath(element: DicomElement, run: ProfileRun): DicomElement {
  const components = asciiValues(element.value).map((component) => `F${run.remapUid(`file:${component}`).slice(-7)}`);
  return { tag: element.tag, vr: 'CS', value: encodeAscii(components.join('\\'), 'CS') };
}

function isCodeAttribute(tag: number): boolean {
  return tag >= 0x00080100 && tag <= 0x0008012f;
}

function emptied(element: DicomElement): DicomElement {
  return element.vr === 'SQ' || element.items ? { tag: element.tag, vr: 'SQ', items: [] } : { tag: element.tag, vr: element.vr, value: new Uint8Array(0) };
}

function remapUids(element: DicomElement, run: ProfileRun): DicomElement {
  const uids = asciiValues(element.value);
  if (uids.length === 0) return element;
  const mapped = uids.map((uid) => (isStandardUid(uid) ? uid : run.remapUid(uid)));
  return { tag: element.tag, vr: 'UI', value: encodeAscii(mapped.join('\\'), 'UI') };
}

function cleaned(element: DicomElement, run: ProfileRun, parents: readonly number[]): DicomElement {
  if (element.items) {
    return { ...element, items: element.items.map((item) => applyProfile(item, run, [...parents, element.tag], 'clean')) };
  }
  if (DATE_VRS.has(element.vr)) {
    return run.options.retainLongitudinal === 'modified' ? { ...element, value: shiftDateValue(element.value, element.vr, run.dateShiftDays) } : element;
  }
  if (element.vr === 'UI') return remapUids(element, run);
  if (FREE_TEXT_VRS.has(element.vr) && element.value) {
    return element.vr === 'PN' ? { ...element, value: dummyValue('PN') } : { ...element, value: run.scrubber().scrub(element.value) };
  }
  return element;
}

function replacedWithDummy(element: DicomElement, run: ProfileRun, parents: readonly number[]): DicomElement {
  if (element.items) {
    return { ...element, items: element.items.map((item) => applyProfile(item, run, [...parents, element.tag], 'dummy')) };
  }
  if (element.vr === 'UI') return remapUids(element, run);
  if (element.vr === 'DA' || element.vr === 'DT') {
    if (run.options.retainLongitudinal === 'modified') return { ...element, value: shiftDateValue(element.value, element.vr, run.dateShiftDays) };
  }
  return { tag: element.tag, vr: element.vr, value: dummyValue(element.vr) };
}

function iodContext(run: ProfileRun, parents: readonly number[]): IodContext {
  return { sopClassUid: run.sopClassUid, multiFrameFunctionalGroups: run.multiFrameFunctionalGroups, parents };
}

function applyAction(action: ActionCode, element: DicomElement, run: ProfileRun, parents: readonly number[], mode: TextMode): DicomElement | null {
  switch (action) {
    case 'X':
    case 'Z': {
      const resolved = resolveForIod(action, element.tag, iodContext(run, parents));
      if (resolved !== action) return applyAction(resolved, element, run, parents, mode);
      return action === 'X' ? null : emptied(element);
    }
    case 'D':
      return replacedWithDummy(element, run, parents);
    case 'U':
      if (element.items) return { ...element, items: element.items.map((item) => applyProfile(item, run, [...parents, element.tag], mode)) };
      return remapUids(element, run);
    case 'C':
      return cleaned(element, run, parents);
    case 'K':
      if (element.items) return { ...element, items: element.items.map((item) => applyProfile(item, run, [...parents, element.tag], mode)) };
      if (mode !== 'keep' && FREE_TEXT_VRS.has(element.vr) && !isCodeAttribute(element.tag) && element.value && element.value.length > 0) {
        return mode === 'dummy' || element.vr === 'PN' ? { ...element, value: dummyValue(element.vr) } : { ...element, value: run.scrubber().scrub(element.value) };
      }
      return element;
    case 'Z/D':
    case 'X/Z':
    case 'X/D':
    case 'X/Z/D':
    case 'X/Z/U*':
      return applyAction(resolveForIod(action, element.tag, iodContext(run, parents)), element, run, parents, mode);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** Curves (50xx) and overlays (60xx) are whole repeating groups; removing only their data would leave broken modules. */
function repeatingGroupAction(element: DicomElement, run: ProfileRun): ActionCode | undefined {
  const group = groupOf(element.tag);
  if (group >= 0x5000 && group <= 0x50ff) return run.rules.curveGroup === 'X' ? 'X' : 'C';
  if (group >= 0x6000 && group <= 0x60ff) {
    if (run.rules.overlayData === 'X') return 'X';
    return elementOf(element.tag) === 0x3000 ? 'K' : 'C';
  }
  return undefined;
}

function contentItems(element: DicomElement, run: ProfileRun, parents: readonly number[], mode: TextMode): DicomElement {
  const items: DicomDataset[] = [];
  for (const item of element.items ?? []) {
    const action = contentItemAction(item, run.options);
    if (action === 'X') continue;
    const processed = applyProfile(item, run, [...parents, element.tag], mode).map((child) => {
      if (child.tag !== TEXT_VALUE && child.tag !== PERSON_NAME) return child;
      if (action === 'K') return item.find((original) => original.tag === child.tag) ?? child;
      if (child.tag === PERSON_NAME || action === 'D' || mode === 'dummy') return { ...child, value: dummyValue(child.vr) };
      return child.value ? { ...child, value: run.scrubber().scrub(child.value) } : child;
    });
    items.push(processed);
  }
  return { tag: element.tag, vr: 'SQ', items };
}

/**
 * Applies the resolved Table E.1-1 actions to one dataset level and recurses into every sequence. `mode` carries how
 * unlisted free text is treated below a sequence that was itself replaced (D) or cleaned (C).
 */
export function applyProfile(dataset: DicomDataset, run: ProfileRun, parents: readonly number[] = [], mode: TextMode = 'keep'): DicomElement[] {
  const keptPrivate = run.rules.privateAttributes === 'C' ? safePrivateTags(dataset) : null;
  const result: DicomElement[] = [];
  for (const element of dataset) {
    const tag = element.tag;
    if (elementOf(tag) === 0 || groupOf(tag) === 0x0002 || MARKER_TAGS.has(tag)) continue;
    if (isPrivateTag(tag)) {
      if (keptPrivate?.has(tag)) result.push(element);
      continue;
    }
    if (tag === PATIENT_ID) {
      result.push({ tag, vr: 'LO', value: encodeAscii(run.patientPseudonym, 'LO') });
      continue;
    }
    if (tag === REFERENCED_FILE_ID) {
      result.push(pseudonymousFilePath(element, run));
      continue;
    }
    if (tag === CONTENT_SEQUENCE && element.items) {
      const action = run.cleanContent ? 'C' : run.rules.byTag.get(tag);
      if (action === 'C' || action === 'D') {
        result.push(contentItems(element, run, parents, action === 'C' ? 'clean' : 'dummy'));
        continue;
      }
    }
    const action = repeatingGroupAction(element, run) ?? run.rules.byTag.get(tag) ?? 'K';
    const itemMode = tag === GRAPHIC_ANNOTATION_SEQUENCE && action === 'D' ? 'dummy' : mode;
    const processed = applyAction(action, element, run, parents, itemMode);
    if (processed) result.push(processed);
  }
  return result;
}
