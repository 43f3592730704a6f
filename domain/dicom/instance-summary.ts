import type { CodedConcept } from './coded-concept';
import type { SrDocument } from './sr-content';
import type { SeriesInstanceUid, SopClassUid, SopInstanceUid, StudyInstanceUid, TransferSyntaxUid } from './uid';

/** A coded-string flag as sent: `YES`, `NO`, absent (`null`), or another (invalid) value kept verbatim. */
export type YesNoFlag = 'YES' | 'NO' | null | { readonly invalid: string };

/**
 * What Lightbox needs to know about one received DICOM instance. Built once from the bytes at the edge
 * (`server/dicom/parse.ts`); everything else works on this value, never on a DICOM dataset.
 */
export interface DicomInstanceSummary {
  readonly sopClassUid: SopClassUid;
  readonly sopInstanceUid: SopInstanceUid;
  readonly studyInstanceUid: StudyInstanceUid;
  readonly seriesInstanceUid: SeriesInstanceUid;
  readonly transferSyntaxUid: TransferSyntaxUid;
  /** Specific Character Set (0008,0005) values; empty means the default repertoire (ISO-IR 6). */
  readonly specificCharacterSet: readonly string[];
  readonly modality: string | null;
  readonly bodyPartExamined: string | null;
  /** First item of Procedure Code Sequence (0008,1032). */
  readonly procedureCode: CodedConcept | null;
  readonly seriesNumber: number | null;
  readonly instanceNumber: number | null;
  readonly numberOfFrames: number | null;
  readonly rows: number | null;
  readonly columns: number | null;
  /** Patient ID (0010,0020): after de-identification a pseudonym, used to keep one selection to one patient. */
  readonly patientId: string | null;
  readonly studyDate: string | null;
  readonly seriesDescription: string | null;
  /** Patient Identity Removed (0012,0062). */
  readonly patientIdentityRemoved: YesNoFlag;
  /** De-identification Method (0012,0063) values. */
  readonly deidentificationMethod: readonly string[];
  /** De-identification Method Code Sequence (0012,0064). */
  readonly deidentificationMethodCodes: readonly CodedConcept[];
  /** Burned In Annotation (0028,0301). */
  readonly burnedInAnnotation: YesNoFlag;
  /** Present for SR and KOS instances. */
  readonly sr: SrDocument | null;
}
