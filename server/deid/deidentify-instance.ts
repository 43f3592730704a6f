import type { DeidOptions } from '../../domain/deid/options';
import { deidentifyDataset, type KeyedPseudonyms } from '../../domain/deid/deidentify-dataset';
import type { DicomDataset, DicomElement } from '../../domain/deid/dicom-dataset';
import { encodeAscii, textOf } from '../../domain/deid/dicom-dataset';
import { readPart10, type Part10File } from './codec/read-part10';
import { writePart10Pieces } from './codec/write-part10';
import type { PixelCleaner } from './pixels/pixel-cleaner';

/** One original ↔ pseudonym pair to record in the pseudonymisation log. */
export interface PseudonymEntry {
  readonly kind: 'patient-id' | 'uid';
  readonly original: string;
  readonly pseudonym: string;
}

export interface DeidContext {
  readonly keyed: KeyedPseudonyms;
  /** Runs Clean Pixel Data (and the overlay part of Clean Graphics); required when either option is on. */
  readonly pixelCleaner?: PixelCleaner;
}

export interface DeidResult extends Omit<DeidPiecesResult, 'pieces' | 'byteLength'> {
  readonly bytes: Uint8Array;
}

/** The result with the output file as a list of pieces (see `writePart10Pieces`), for `writev`. */
export interface DeidPiecesResult {
  readonly pieces: readonly Uint8Array[];
  readonly byteLength: number;
  readonly newUids: ReadonlyMap<string, string>;
  readonly sopInstanceUid: string;
  /** Set when the instance must not leave without a person looking at it (e.g. pixels that could not be cleaned). */
  readonly heldForReview?: string;
  readonly pseudonymEntries: readonly PseudonymEntry[];
}

const IMPLEMENTATION_CLASS_UID = '2.25.302043978219306409127843102655406131553';
const IMPLEMENTATION_VERSION_NAME = 'LIGHTBOX_DEID_1';

function fileMeta(sopClassUid: string, sopInstanceUid: string, transferSyntaxUid: string): DicomElement[] {
  return [
    { tag: 0x00020001, vr: 'OB', value: new Uint8Array([0, 1]) },
    { tag: 0x00020002, vr: 'UI', value: encodeAscii(sopClassUid, 'UI') },
    { tag: 0x00020003, vr: 'UI', value: encodeAscii(sopInstanceUid, 'UI') },
    { tag: 0x00020010, vr: 'UI', value: encodeAscii(transferSyntaxUid, 'UI') },
    { tag: 0x00020012, vr: 'UI', value: encodeAscii(IMPLEMENTATION_CLASS_UID, 'UI') },
    { tag: 0x00020013, vr: 'SH', value: encodeAscii(IMPLEMENTATION_VERSION_NAME, 'SH') },
  ];
}

/**
 * De-identifies one DICOM instance (a Part 10 file or bare dataset) and returns a Part 10 file whose meta carries
 * the new SOP Instance UID. This is the entry point the CLI and the Export Manager gateway share.
 */
export async function deidentifyInstance(bytes: Uint8Array, options: DeidOptions, context: DeidContext): Promise<DeidResult> {
  const { pieces, byteLength, ...rest } = await deidentifyInstancePieces(bytes, options, context);
  return { ...rest, bytes: Buffer.concat(pieces, byteLength) };
}

/** `deidentifyInstance` without joining the output: large values stay views of the input bytes. */
export async function deidentifyInstancePieces(bytes: Uint8Array, options: DeidOptions, context: DeidContext): Promise<DeidPiecesResult> {
  let parsed: Part10File = readPart10(bytes);
  let dataset: DicomDataset = parsed.dataset;
  let pixelsCleaned = false;
  let heldForReview: string | undefined;
  if (options.cleanPixelData || options.cleanGraphics) {
    if (!context.pixelCleaner) throw new Error('Clean Pixel Data or Clean Graphics needs a pixel cleaner');
    const outcome = await context.pixelCleaner.clean(parsed, bytes, options);
    parsed = outcome.file;
    dataset = outcome.file.dataset;
    pixelsCleaned = outcome.pixelsCleaned;
    heldForReview = outcome.heldForReview;
  }
  const result = deidentifyDataset(dataset, options, context.keyed, { pixelsCleaned });
  const sopClassUid = textOf(result.dataset, 0x00080016) || textOf(parsed.meta, 0x00020002);
  const sopInstanceUid = result.sopInstanceUid || context.keyed.remapUid(textOf(parsed.meta, 0x00020003));
  const meta = fileMeta(sopClassUid, sopInstanceUid, parsed.transferSyntax.uid);
  const pieces = writePart10Pieces(meta, result.dataset, parsed.transferSyntax);
  const pseudonymEntries: PseudonymEntry[] = [
    { kind: 'patient-id', original: result.patient.originalId, pseudonym: result.patient.pseudonym },
    ...[...result.uidMap].map(([original, pseudonym]): PseudonymEntry => ({ kind: 'uid', original, pseudonym })),
  ];
  return { pieces, byteLength: pieces.reduce((sum, piece) => sum + piece.length, 0), newUids: result.uidMap, sopInstanceUid, heldForReview, pseudonymEntries };
}
