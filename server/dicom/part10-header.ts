/** Lightbox's Implementation Class UID (PS3.7 D.3.3.2), a UUID-derived 2.25 UID. */
export const IMPLEMENTATION_CLASS_UID = '2.25.143697124756359525562375094412790046496';
export const IMPLEMENTATION_VERSION_NAME = 'LIGHTBOX_1';

function element(group: number, elementNumber: number, vr: string, value: Buffer): Buffer {
  const long = vr === 'OB';
  const header = Buffer.alloc(long ? 12 : 8);
  header.writeUInt16LE(group, 0);
  header.writeUInt16LE(elementNumber, 2);
  header.write(vr, 4, 'latin1');
  if (long) header.writeUInt32LE(value.length, 8);
  else header.writeUInt16LE(value.length, 6);
  return Buffer.concat([header, value]);
}

/** Pads to even length: UIDs with NUL, other strings with a space (PS3.5 §6.2). */
const padded = (text: string, pad: string) => Buffer.from(text.length % 2 ? text + pad : text, 'latin1');

export interface FileMetaValues {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly transferSyntaxUid: string;
}

/**
 * The 128-byte preamble, "DICM" and the File Meta Information group (0002) in Explicit VR Little Endian
 * (PS3.10 §7.1). Followed by the dataset bytes exactly as received, it makes a Part 10 file without
 * re-encoding the dataset, so private tags and compressed pixel data survive. It deliberately carries no
 * association data (sender AE, time): identical instances from any sender give identical bytes and one blob.
 */
export function buildPart10Header(meta: FileMetaValues): Buffer {
  const body = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0x00, 0x01])),
    element(0x0002, 0x0002, 'UI', padded(meta.sopClassUid, '\0')),
    element(0x0002, 0x0003, 'UI', padded(meta.sopInstanceUid, '\0')),
    element(0x0002, 0x0010, 'UI', padded(meta.transferSyntaxUid, '\0')),
    element(0x0002, 0x0012, 'UI', padded(IMPLEMENTATION_CLASS_UID, '\0')),
    element(0x0002, 0x0013, 'SH', padded(IMPLEMENTATION_VERSION_NAME, ' ')),
  ]);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(body.length, 0);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), element(0x0002, 0x0000, 'UL', groupLength), body]);
}
