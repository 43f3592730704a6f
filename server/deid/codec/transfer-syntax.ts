/** How a dataset is encoded, derived from its Transfer Syntax UID. */
export interface TransferSyntax {
  readonly uid: string;
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
  readonly deflated: boolean;
  /** Pixel Data is encapsulated (compressed) rather than native. */
  readonly encapsulated: boolean;
}

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';

/** Describes a transfer syntax; every syntax not listed as native is treated as encapsulated. */
export function transferSyntaxOf(uid: string): TransferSyntax {
  switch (uid) {
    case IMPLICIT_VR_LITTLE_ENDIAN:
      return { uid, explicitVr: false, littleEndian: true, deflated: false, encapsulated: false };
    case EXPLICIT_VR_LITTLE_ENDIAN:
      return { uid, explicitVr: true, littleEndian: true, deflated: false, encapsulated: false };
    case DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN:
      return { uid, explicitVr: true, littleEndian: true, deflated: true, encapsulated: false };
    case EXPLICIT_VR_BIG_ENDIAN:
      return { uid, explicitVr: true, littleEndian: false, deflated: false, encapsulated: false };
    default:
      return { uid, explicitVr: true, littleEndian: true, deflated: false, encapsulated: true };
  }
}

/** VRs whose explicit encoding has two reserved bytes and a 32-bit length (PS3.5 §7.1.2). */
export const LONG_LENGTH_VRS: ReadonlySet<string> = new Set([
  'OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV',
]);
