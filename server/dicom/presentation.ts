import { SopClass, TransferSyntax } from '../../domain/dicom';

const STANDARD_ROOT = '1.2.840.10008.';
const STORAGE_ROOT = '1.2.840.10008.5.1.4.1.1.';

/** Standard storage SOP classes that live outside 1.2.840.10008.5.1.4.1.1 (PS3.4 Annex B.5). */
const storageOutsideStorageRoot = new Set([
  '1.2.840.10008.5.1.4.34.7', // RT Beams Delivery Instruction
  '1.2.840.10008.5.1.4.34.10', // RT Brachy Application Setup Delivery Instruction
  '1.2.840.10008.5.1.4.38.1', // Hanging Protocol
  '1.2.840.10008.5.1.4.39.1', // Color Palette
  '1.2.840.10008.5.1.4.43.1', // Generic Implant Template
  '1.2.840.10008.5.1.4.44.1', // Implant Assembly Template
  '1.2.840.10008.5.1.4.45.1', // Implant Template Group
]);

/**
 * Whether an abstract syntax is accepted for C-STORE. Every standard storage class is, without a whitelist
 * (tce.md §5 item 1: any object a PACS may export). A UID outside the DICOM root is a vendor's private
 * storage class (Siemens CSA, GE, Philips private objects) and is accepted too, because those objects are
 * part of the studies radiologists export; the standard non-storage services (query/retrieve, worklist,
 * MPPS, storage commitment) are refused since this SCP does not implement them.
 */
export function isAcceptedStorageClass(abstractSyntaxUid: string): boolean {
  if (abstractSyntaxUid.startsWith(STORAGE_ROOT) || storageOutsideStorageRoot.has(abstractSyntaxUid)) return true;
  return !abstractSyntaxUid.startsWith(STANDARD_ROOT) && /^[0-9.]+$/.test(abstractSyntaxUid);
}

/**
 * Transfer syntaxes accepted for storage. Compressed data is stored as sent, never transcoded; Big Endian
 * (retired) is not offered because senders always have a Little Endian alternative.
 */
export const storageTransferSyntaxes: ReadonlySet<string> = new Set<string>([
  TransferSyntax.implicitVrLittleEndian,
  TransferSyntax.explicitVrLittleEndian,
  TransferSyntax.deflatedExplicitVrLittleEndian,
  TransferSyntax.jpegBaseline,
  TransferSyntax.jpegExtended,
  TransferSyntax.jpegLosslessNonHierarchical,
  TransferSyntax.jpegLosslessSv1,
  TransferSyntax.jpegLsLossless,
  TransferSyntax.jpegLsNearLossless,
  TransferSyntax.jpeg2000Lossless,
  TransferSyntax.jpeg2000,
  TransferSyntax.htj2kLossless,
  TransferSyntax.htj2kLosslessRpcl,
  TransferSyntax.htj2k,
  TransferSyntax.mpeg2Main,
  TransferSyntax.mpeg4Hp41,
  TransferSyntax.hevcMain,
  TransferSyntax.rleLossless,
]);

const verificationTransferSyntaxes = new Set<string>([TransferSyntax.implicitVrLittleEndian, TransferSyntax.explicitVrLittleEndian]);

export type ContextDecision =
  | { readonly accept: true; readonly transferSyntaxUid: string }
  | { readonly accept: false; readonly reason: 'abstract-syntax-not-supported' | 'transfer-syntaxes-not-supported' };

/**
 * Decides one presentation context. Exactly one transfer syntax is accepted: the first the sender proposed
 * that we support, so a sender offering its native compressed syntax first has its data stored as sent.
 */
export function decidePresentationContext(abstractSyntaxUid: string, proposed: readonly string[]): ContextDecision {
  const isVerification = abstractSyntaxUid === SopClass.verification;
  if (!isVerification && !isAcceptedStorageClass(abstractSyntaxUid)) {
    return { accept: false, reason: 'abstract-syntax-not-supported' };
  }
  const supported = isVerification ? verificationTransferSyntaxes : storageTransferSyntaxes;
  const chosen = proposed.find((ts) => supported.has(ts));
  return chosen ? { accept: true, transferSyntaxUid: chosen } : { accept: false, reason: 'transfer-syntaxes-not-supported' };
}
