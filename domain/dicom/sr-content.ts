import type { CodedConcept } from './coded-concept';
import type { SeriesInstanceUid, SopClassUid, SopInstanceUid, StudyInstanceUid } from './uid';

export type RelationshipType =
  | 'CONTAINS'
  | 'HAS PROPERTIES'
  | 'HAS CONCEPT MOD'
  | 'HAS OBS CONTEXT'
  | 'HAS ACQ CONTEXT'
  | 'INFERRED FROM'
  | 'SELECTED FROM';

/** A Referenced SOP Sequence item inside an IMAGE, COMPOSITE or WAVEFORM content item. */
export interface SrReference {
  readonly sopClassUid: SopClassUid;
  readonly sopInstanceUid: SopInstanceUid;
}

interface SrItemBase {
  /** `null` only for the document root. */
  readonly relationship: RelationshipType | null;
  readonly concept: CodedConcept | null;
  readonly children: readonly SrContentItem[];
}

export type SrContentItem =
  | (SrItemBase & { readonly valueType: 'CONTAINER'; readonly continuity: 'SEPARATE' | 'CONTINUOUS' })
  | (SrItemBase & { readonly valueType: 'TEXT'; readonly text: string })
  | (SrItemBase & { readonly valueType: 'CODE'; readonly code: CodedConcept | null })
  | (SrItemBase & { readonly valueType: 'PNAME'; readonly personName: string })
  | (SrItemBase & { readonly valueType: 'DATE' | 'TIME' | 'DATETIME' | 'UIDREF'; readonly value: string })
  | (SrItemBase & { readonly valueType: 'NUM'; readonly value: number | null; readonly unit: CodedConcept | null })
  | (SrItemBase & { readonly valueType: 'IMAGE' | 'COMPOSITE' | 'WAVEFORM'; readonly references: readonly SrReference[] })
  | (SrItemBase & { readonly valueType: 'OTHER'; readonly rawValueType: string });

/** One Referenced SOP Instance UID found under an evidence sequence, with the study and series that enclose it. */
export interface EvidenceReference {
  readonly studyInstanceUid: StudyInstanceUid | null;
  readonly seriesInstanceUid: SeriesInstanceUid | null;
  readonly sopClassUid: SopClassUid | null;
  readonly sopInstanceUid: SopInstanceUid;
}

/** The SR/KOS document-level values a TCE receiver needs, parsed once at the edge. */
export interface SrDocument {
  /** The root Concept Name Code Sequence (0040,A043): the Document Title. */
  readonly title: CodedConcept | null;
  /** The root container; its children are the Content Sequence (0040,A730). */
  readonly root: SrContentItem;
  /** Template Identifier (0040,DB00) of the root Content Template Sequence, if any. */
  readonly templateId: string | null;
  /** Every Referenced SOP Instance UID under Current Requested Procedure Evidence Sequence (0040,A375), at any depth. */
  readonly currentEvidence: readonly EvidenceReference[];
  /** Every Referenced SOP Instance UID under Identical Documents Sequence (0040,A525), at any depth. */
  readonly identicalDocuments: readonly EvidenceReference[];
}

/** Depth-first walk of a content tree, root included. */
export function* walkContent(item: SrContentItem): Generator<SrContentItem> {
  yield item;
  for (const child of item.children) yield* walkContent(child);
}
