import type { Brand } from '../shared/ids';

export type SopClassUid = Brand<string, 'SopClassUid'>;
export type SopInstanceUid = Brand<string, 'SopInstanceUid'>;
export type StudyInstanceUid = Brand<string, 'StudyInstanceUid'>;
export type SeriesInstanceUid = Brand<string, 'SeriesInstanceUid'>;
export type TransferSyntaxUid = Brand<string, 'TransferSyntaxUid'>;

export const asSopClassUid = (uid: string) => uid as SopClassUid;
export const asSopInstanceUid = (uid: string) => uid as SopInstanceUid;
export const asStudyInstanceUid = (uid: string) => uid as StudyInstanceUid;
export const asSeriesInstanceUid = (uid: string) => uid as SeriesInstanceUid;
export const asTransferSyntaxUid = (uid: string) => uid as TransferSyntaxUid;

/** PS3.5 §9.1: digits and dots, components without leading zeros, at most 64 characters. */
export function isValidUid(uid: string): boolean {
  return uid.length > 0 && uid.length <= 64 && /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/.test(uid);
}

export const SopClass = {
  verification: '1.2.840.10008.1.1',
  keyObjectSelection: '1.2.840.10008.5.1.4.1.1.88.59',
  basicTextSr: '1.2.840.10008.5.1.4.1.1.88.11',
  enhancedSr: '1.2.840.10008.5.1.4.1.1.88.22',
  comprehensiveSr: '1.2.840.10008.5.1.4.1.1.88.33',
  comprehensive3dSr: '1.2.840.10008.5.1.4.1.1.88.34',
  extensibleSr: '1.2.840.10008.5.1.4.1.1.88.35',
} as const;

/**
 * SR storage classes whose documents can carry an ATFI content tree. tce.md §3: a Receiver accepts any SR class
 * with the ATFI root title (dcm4chee writes Basic Text, PixelMed and MIRC go by title alone).
 */
const srStorageClasses = new Set<string>([
  SopClass.basicTextSr,
  SopClass.enhancedSr,
  SopClass.comprehensiveSr,
  SopClass.comprehensive3dSr,
  SopClass.extensibleSr,
]);

export const isSrStorageClass = (uid: string): boolean => srStorageClasses.has(uid);
export const isKeyObjectSelection = (uid: string): boolean => uid === SopClass.keyObjectSelection;

export const TransferSyntax = {
  implicitVrLittleEndian: '1.2.840.10008.1.2',
  explicitVrLittleEndian: '1.2.840.10008.1.2.1',
  deflatedExplicitVrLittleEndian: '1.2.840.10008.1.2.1.99',
  explicitVrBigEndian: '1.2.840.10008.1.2.2',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegExtended: '1.2.840.10008.1.2.4.51',
  jpegLosslessNonHierarchical: '1.2.840.10008.1.2.4.57',
  jpegLosslessSv1: '1.2.840.10008.1.2.4.70',
  jpegLsLossless: '1.2.840.10008.1.2.4.80',
  jpegLsNearLossless: '1.2.840.10008.1.2.4.81',
  jpeg2000Lossless: '1.2.840.10008.1.2.4.90',
  jpeg2000: '1.2.840.10008.1.2.4.91',
  htj2kLossless: '1.2.840.10008.1.2.4.201',
  htj2kLosslessRpcl: '1.2.840.10008.1.2.4.202',
  htj2k: '1.2.840.10008.1.2.4.203',
  mpeg2Main: '1.2.840.10008.1.2.4.100',
  mpeg4Hp41: '1.2.840.10008.1.2.4.102',
  hevcMain: '1.2.840.10008.1.2.4.107',
  rleLossless: '1.2.840.10008.1.2.5',
} as const;
