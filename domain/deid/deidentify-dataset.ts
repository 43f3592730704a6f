import { applyProfile, type ProfileRun } from './apply-profile';
import type { DicomDataset, DicomElement } from './dicom-dataset';
import { findElement, textOf } from './dicom-dataset';
import { collectIdentifyingTerms } from './identifying-terms';
import { withMarkers } from './markers';
import { methodCodes, type DeidOptions, type MethodCode } from './options';
import { ruleSetFor } from './rule-set';
import { isTeachingFileDocument } from './structured-content';
import { TextScrubber } from './text-scrubber';

/** The keyed functions a run needs; implemented at the edge with the site secret (HMAC), injected here. */
export interface KeyedPseudonyms {
  /** A replacement UID that is the same for the same original everywhere (study, series, instance, references). */
  remapUid(uid: string): string;
  patientPseudonym(patientKey: string): string;
  /** The per-patient day offset for Modified Dates; the same for every instance of that patient. */
  dateShiftDays(patientKey: string): number;
}

export interface DeidentifiedDataset {
  readonly dataset: DicomElement[];
  /** Original → replacement for every UID that was remapped in this instance. */
  readonly uidMap: ReadonlyMap<string, string>;
  readonly patient: { readonly originalId: string; readonly pseudonym: string };
  readonly methodCodes: readonly MethodCode[];
  readonly sopInstanceUid: string;
}

const PATIENT_ID = 0x00100020;
const STUDY_INSTANCE_UID = 0x0020000d;
const SOP_CLASS_UID = 0x00080016;
const SOP_INSTANCE_UID = 0x00080018;
const SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
const PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;
/** Storage SOP classes whose IODs include the Multi-frame Functional Groups and Enhanced General Equipment modules. */
const ENHANCED_SOP_CLASSES = new Set([
  '1.2.840.10008.5.1.4.1.1.2.1', '1.2.840.10008.5.1.4.1.1.2.2', '1.2.840.10008.5.1.4.1.1.4.1', '1.2.840.10008.5.1.4.1.1.4.2',
  '1.2.840.10008.5.1.4.1.1.4.3', '1.2.840.10008.5.1.4.1.1.4.4', '1.2.840.10008.5.1.4.1.1.128.1', '1.2.840.10008.5.1.4.1.1.130',
  '1.2.840.10008.5.1.4.1.1.6.2', '1.2.840.10008.5.1.4.1.1.12.1.1', '1.2.840.10008.5.1.4.1.1.12.2.1', '1.2.840.10008.5.1.4.1.1.66.4',
  '1.2.840.10008.5.1.4.1.1.13.1.3', '1.2.840.10008.5.1.4.1.1.30', '1.2.840.10008.5.1.4.1.1.77.1.6',
]);

function usesFunctionalGroups(dataset: DicomDataset, sopClassUid: string): boolean {
  return ENHANCED_SOP_CLASSES.has(sopClassUid)
    || findElement(dataset, SHARED_FUNCTIONAL_GROUPS_SEQUENCE) !== undefined
    || findElement(dataset, PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE) !== undefined;
}

/**
 * Applies the Basic Application Level Confidentiality Profile and the chosen options to a parsed dataset and adds
 * the de-identification markers. The patient key for pseudonyms and date offsets is the Patient ID, or the Study
 * Instance UID when the Patient ID is empty, so every instance of one patient (or study) moves together.
 */
export function deidentifyDataset(
  dataset: DicomDataset,
  options: DeidOptions,
  keyed: KeyedPseudonyms,
  applied: { readonly pixelsCleaned: boolean },
): DeidentifiedDataset {
  const rules = ruleSetFor(options);
  const sopClassUid = textOf(dataset, SOP_CLASS_UID);
  const originalId = textOf(dataset, PATIENT_ID);
  const patientKey = originalId !== '' ? originalId : `study:${textOf(dataset, STUDY_INSTANCE_UID)}`;
  const uidMap = new Map<string, string>();
  let scrubber: TextScrubber | undefined;
  const forcedContentCleaning = !options.cleanStructuredContent && isTeachingFileDocument(dataset, sopClassUid);
  const run: ProfileRun = {
    options,
    rules,
    sopClassUid,
    multiFrameFunctionalGroups: usesFunctionalGroups(dataset, sopClassUid),
    patientPseudonym: keyed.patientPseudonym(patientKey),
    dateShiftDays: options.retainLongitudinal === 'modified' ? keyed.dateShiftDays(patientKey) : 0,
    cleanContent: options.cleanStructuredContent || forcedContentCleaning,
    remapUid(uid) {
      const known = uidMap.get(uid);
      if (known) return known;
      const mapped = options.retainUids ? uid : keyed.remapUid(uid);
      uidMap.set(uid, mapped);
      return mapped;
    },
    scrubber() {
      scrubber ??= new TextScrubber([originalId, ...collectIdentifyingTerms(dataset, rules)]);
      return scrubber;
    },
  };
  const profiled = applyProfile(dataset, run);
  const codes = methodCodes(options, { structuredContentCleaned: forcedContentCleaning, pixelsCleaned: applied.pixelsCleaned });
  const marked = withMarkers(profiled, dataset, options, codes, applied.pixelsCleaned);
  if (options.retainUids) uidMap.clear();
  return {
    dataset: marked,
    uidMap,
    patient: { originalId, pseudonym: run.patientPseudonym },
    methodCodes: codes,
    sopInstanceUid: textOf(marked, SOP_INSTANCE_UID),
  };
}
