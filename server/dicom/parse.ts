import { DomainError } from '../../domain/shared/errors';
import {
  asSeriesInstanceUid,
  asSopClassUid,
  asSopInstanceUid,
  asStudyInstanceUid,
  asTransferSyntaxUid,
  isKeyObjectSelection,
  isSrStorageClass,
  TransferSyntax,
  type CodedConcept,
  type DicomInstanceSummary,
  type YesNoFlag,
} from '../../domain/dicom';
import { readPart10, type NaturalDataset, type Part10Contents } from './dcmjs-io';
import { readSummaryAttributes } from './fast-header';
import { datasetOffset, findStructureProblem } from './part10-structure';
import { readSrDocument } from './parse-sr';
import { asItems, codeOf, numberOf, stringOf, stringsOf } from './natural-values';

export type DicomParseErrorCode =
  | 'DICOM_NOT_PART10'
  | 'DICOM_TRUNCATED'
  | 'DICOM_MALFORMED'
  | 'DICOM_MISSING_ATTRIBUTE'
  | 'DICOM_SOP_CLASS_MISMATCH'
  | 'DICOM_SOP_INSTANCE_MISMATCH';

/** Received bytes that cannot become a DicomInstanceSummary. `code` is stable; `message` is for people. */
export class DicomParseError extends DomainError {
  constructor(
    override readonly code: DicomParseErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'DicomParseError';
  }
}

const flag = (value: string | null): YesNoFlag =>
  value === null || value === '' ? null : value === 'YES' || value === 'NO' ? value : { invalid: value };

function translateReadError(error: unknown): DicomParseError {
  const message = error instanceof Error ? error.message : String(error);
  if (/expected header is missing|DICM/i.test(message)) return new DicomParseError('DICOM_NOT_PART10', message);
  if (error instanceof RangeError || /more than currently allocated|outside the bounds|end of buffer|past end/i.test(message)) {
    return new DicomParseError('DICOM_TRUNCATED', `data ends early: ${message}`);
  }
  return new DicomParseError('DICOM_MALFORMED', message);
}

const isDeflated = (ts: string) => ts === TransferSyntax.deflatedExplicitVrLittleEndian;

function checkStructure(bytes: Uint8Array, transferSyntaxUid: string): void {
  const offset = datasetOffset(bytes);
  if (offset === null) throw new DicomParseError('DICOM_NOT_PART10', 'no Part 10 preamble and "DICM" prefix');
  if (isDeflated(transferSyntaxUid) || transferSyntaxUid === TransferSyntax.explicitVrBigEndian) return;
  const problem = findStructureProblem(bytes, offset, transferSyntaxUid !== TransferSyntax.implicitVrLittleEndian);
  if (problem) {
    const code = problem.kind === 'truncated' ? 'DICOM_TRUNCATED' : 'DICOM_MALFORMED';
    throw new DicomParseError(code, `${problem.detail} (byte ${problem.offset})`);
  }
}

function requireUid(dataset: NaturalDataset, keyword: string): string {
  const value = stringOf(dataset[keyword]);
  if (!value) throw new DicomParseError('DICOM_MISSING_ATTRIBUTE', `${keyword} is missing or empty`);
  return value;
}

/**
 * Parses a Part 10 file into the summary the domain works with. Text is decoded with the file's Specific
 * Character Set (ISO_IR 192 = UTF-8). Images in the common encodings are read by `readSummaryAttributes`
 * (header walk, a few values); SR, KOS and everything else by dcmjs (`reader: 'dcmjs'` forces it). Throws DicomParseError: DICOM_NOT_PART10, DICOM_TRUNCATED,
 * DICOM_MALFORMED, or DICOM_MISSING_ATTRIBUTE when a UID needed to file the instance is absent.
 */
export function parseDicomInstance(bytes: Uint8Array, options: { readonly reader?: 'fast' | 'dcmjs' } = {}): DicomInstanceSummary {
  let contents: Part10Contents | null = options.reader === 'dcmjs' ? null : readSummaryAttributes(bytes);
  const fastSopClass = contents ? stringOf(contents.dataset.SOPClassUID) : null;
  if (!fastSopClass || isKeyObjectSelection(fastSopClass) || isSrStorageClass(fastSopClass)) contents = null;
  try {
    contents ??= readPart10(bytes);
  } catch (error) {
    checkStructure(bytes, TransferSyntax.explicitVrLittleEndian);
    throw translateReadError(error);
  }
  const { dataset } = contents;
  const transferSyntaxUid = contents.transferSyntaxUid ?? TransferSyntax.implicitVrLittleEndian;
  checkStructure(bytes, transferSyntaxUid);
  const sopClassUid = requireUid(dataset, 'SOPClassUID');
  const procedure = asItems(dataset.ProcedureCodeSequence)[0];
  const isStructured = isKeyObjectSelection(sopClassUid) || isSrStorageClass(sopClassUid);
  return {
    sopClassUid: asSopClassUid(sopClassUid),
    sopInstanceUid: asSopInstanceUid(requireUid(dataset, 'SOPInstanceUID')),
    studyInstanceUid: asStudyInstanceUid(requireUid(dataset, 'StudyInstanceUID')),
    seriesInstanceUid: asSeriesInstanceUid(requireUid(dataset, 'SeriesInstanceUID')),
    transferSyntaxUid: asTransferSyntaxUid(transferSyntaxUid),
    specificCharacterSet: contents.specificCharacterSet.filter((v) => v !== ''),
    modality: stringOf(dataset.Modality),
    bodyPartExamined: stringOf(dataset.BodyPartExamined),
    procedureCode: procedure ? codeOf(procedure) : null,
    seriesNumber: numberOf(dataset.SeriesNumber),
    instanceNumber: numberOf(dataset.InstanceNumber),
    numberOfFrames: numberOf(dataset.NumberOfFrames),
    rows: numberOf(dataset.Rows),
    columns: numberOf(dataset.Columns),
    patientId: stringOf(dataset.PatientID),
    studyDate: stringOf(dataset.StudyDate),
    seriesDescription: stringOf(dataset.SeriesDescription),
    patientIdentityRemoved: flag(stringOf(dataset.PatientIdentityRemoved)?.toUpperCase() ?? null),
    deidentificationMethod: stringsOf(dataset.DeidentificationMethod),
    deidentificationMethodCodes: asItems(dataset.DeidentificationMethodCodeSequence)
      .map(codeOf)
      .filter((c): c is CodedConcept => c !== null),
    burnedInAnnotation: flag(stringOf(dataset.BurnedInAnnotation)?.toUpperCase() ?? null),
    sr: isStructured ? readSrDocument(dataset) : null,
  };
}

/** What the C-STORE command said about the instance, to check the dataset against. */
export interface StoreCommandIdentity {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
}

/**
 * Parses a received instance and checks it is the object the C-STORE command announced. PS3.4 B.2.3: a
 * dataset whose SOP Class differs from the Affected SOP Class is refused with 0xA900.
 */
export function parseStoredInstance(bytes: Uint8Array, command: StoreCommandIdentity): DicomInstanceSummary {
  const summary = parseDicomInstance(bytes);
  if (summary.sopClassUid !== command.sopClassUid) {
    throw new DicomParseError(
      'DICOM_SOP_CLASS_MISMATCH',
      `dataset SOP Class ${summary.sopClassUid} differs from the command's ${command.sopClassUid}`,
    );
  }
  if (summary.sopInstanceUid !== command.sopInstanceUid) {
    throw new DicomParseError(
      'DICOM_SOP_INSTANCE_MISMATCH',
      `dataset SOP Instance ${summary.sopInstanceUid} differs from the command's ${command.sopInstanceUid}`,
    );
  }
  return summary;
}

/** DIMSE status codes a Storage SCP answers (PS3.4 Table B.2-1 and PS3.7 Annex C). */
export const StoreStatus = {
  success: 0x0000,
  outOfResources: 0xa700,
  datasetDoesNotMatchSopClass: 0xa900,
  cannotUnderstand: 0xc000,
} as const;

/**
 * The C-STORE status for an error raised while accepting an instance: bytes that cannot be read are
 * "cannot understand" (0xC000); a readable dataset that is not the announced object or lacks the UIDs its
 * IOD requires "does not match SOP class" (0xA900); anything else (disk, database) is "out of resources"
 * (0xA700), which tells the sender to retry later.
 */
export function storeStatusForError(error: unknown): number {
  if (error instanceof DicomParseError) {
    switch (error.code) {
      case 'DICOM_NOT_PART10':
      case 'DICOM_TRUNCATED':
      case 'DICOM_MALFORMED':
        return StoreStatus.cannotUnderstand;
      case 'DICOM_MISSING_ATTRIBUTE':
      case 'DICOM_SOP_CLASS_MISMATCH':
      case 'DICOM_SOP_INSTANCE_MISMATCH':
        return StoreStatus.datasetDoesNotMatchSopClass;
      default: {
        const unreachable: never = error.code;
        return unreachable;
      }
    }
  }
  return StoreStatus.outOfResources;
}
