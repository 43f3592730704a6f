import type { DicomDataset, DicomElement } from '../deid/dicom-dataset';
import { findElement, textOf } from '../deid/dicom-dataset';
import { parseKodDirectives } from '../tce/kod-directives';

const CONTENT_SEQUENCE = 0x0040a730;
const CONCEPT_NAME_CODE_SEQUENCE = 0x0040a043;
const CODE_VALUE = 0x00080100;
const CODING_SCHEME = 0x00080102;
const TEXT_VALUE = 0x0040a160;
const PERSON_NAME = 0x0040a123;
const PERSON_OBSERVER_NAME = '121008|DCM';
const KEY_OBJECT_DESCRIPTION = '113012|DCM';
const latin1 = new TextDecoder('latin1');

/** The routing content of an original manifest, read before de-identification, as raw value bytes. */
export interface ManifestRouting {
  /** Person Observer Name (121008): the radiologist who selected the case, not the patient. */
  readonly observerName: Uint8Array | null;
  /** Key Object Description (113012), raw. */
  readonly keyObjectDescription: Uint8Array | null;
  /** The KOD content item and its position among the root items, to put it back when the profile removed it. */
  readonly kodItem: { readonly item: DicomDataset; readonly index: number } | null;
}

function conceptKey(item: DicomDataset): string {
  const concept = findElement(item, CONCEPT_NAME_CODE_SEQUENCE)?.items?.[0];
  return concept ? `${textOf(concept, CODE_VALUE)}|${textOf(concept, CODING_SCHEME).toUpperCase()}` : '';
}

/** Root-level content items of a manifest (TID 2010 puts the observer context and the KOD there). */
function rootItems(dataset: DicomDataset): readonly DicomDataset[] {
  return findElement(dataset, CONTENT_SEQUENCE)?.items ?? [];
}

/** Reads the observer name and Key Object Description of an original manifest. */
export function readManifestRouting(dataset: DicomDataset): ManifestRouting {
  let observerName: Uint8Array | null = null;
  let keyObjectDescription: Uint8Array | null = null;
  let kodItem: ManifestRouting['kodItem'] = null;
  rootItems(dataset).forEach((item, index) => {
    const key = conceptKey(item);
    if (key === PERSON_OBSERVER_NAME) observerName ??= findElement(item, PERSON_NAME)?.value ?? null;
    if (key === KEY_OBJECT_DESCRIPTION && !kodItem) {
      keyObjectDescription = findElement(item, TEXT_VALUE)?.value ?? null;
      kodItem = { item, index };
    }
  });
  return { observerName, keyObjectDescription, kodItem };
}

const ROUTING_KEYS = ['owner'] as const;

function quoted(value: string): string {
  return /\s/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

/**
 * The de-identified KOD with the recipient directive (`owner=`, or MIRC's `mirc:authorization/owner=`) put back when
 * the text scrub damaged it (a numeric user id looks like an identifier to the scrub). The owner is one word naming
 * an account on the receiving archive. Everything else stays as scrubbed: `folder=`, `title=` and the note are free
 * text that may name the patient. Bytes are handled as Latin-1 so any character set round-trips unchanged.
 */
export function kodWithRouting(original: Uint8Array, scrubbed: Uint8Array): Uint8Array {
  const before = parseKodDirectives(latin1.decode(original));
  const scrubbedText = latin1.decode(scrubbed).replace(/[\0 ]+$/, '');
  const after = parseKodDirectives(scrubbedText);
  const lost = ROUTING_KEYS.filter((key) => before[key] !== null && before[key] !== after[key]);
  if (lost.length === 0) return scrubbed;
  const text = [scrubbedText, ...lost.map((key) => `${key}=${quoted(before[key]!)}`)].join(' ').trim();
  return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}

/**
 * Puts the manifest's routing content back into its de-identified copy: the observer name verbatim, and the KOD
 * scrubbed of identifying text but with its recipient directive. The Basic Profile blanks every Person Name in SR
 * content and removes the KOD (Table E.3.4-1: 113012 is X), which would leave the receiver nobody to route the case
 * to (tce.md §6, Export Manager note). The observer is the sending radiologist, whom the receiving teaching archive
 * needs to attribute the case; no patient identity is restored. `scrub` is the engine's text clean for this instance.
 */
export function restoreManifestRouting(deidentified: DicomDataset, routing: ManifestRouting, scrub: (value: Uint8Array) => Uint8Array): DicomElement[] {
  const original = routing.keyObjectDescription;
  const kodText = original ? kodWithRouting(original, scrub(original)) : null;
  return deidentified.map((element) => {
    if (element.tag !== CONTENT_SEQUENCE || !element.items) return element;
    const items: DicomDataset[] = element.items.map((item) => {
      const key = conceptKey(item);
      if (key !== PERSON_OBSERVER_NAME && key !== KEY_OBJECT_DESCRIPTION) return item;
      return item.map((child): DicomElement => {
        if (key === PERSON_OBSERVER_NAME && child.tag === PERSON_NAME && routing.observerName) return { ...child, value: routing.observerName };
        if (key === KEY_OBJECT_DESCRIPTION && child.tag === TEXT_VALUE && kodText) return { ...child, value: kodText };
        return child;
      });
    });
    if (routing.kodItem && kodText && !items.some((item) => conceptKey(item) === KEY_OBJECT_DESCRIPTION)) {
      const restored = routing.kodItem.item.map((child): DicomElement => (child.tag === TEXT_VALUE ? { ...child, value: kodText } : child));
      items.splice(Math.min(routing.kodItem.index, items.length), 0, restored);
    }
    return { ...element, items };
  });
}
