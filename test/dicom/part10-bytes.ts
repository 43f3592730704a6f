import { datasetOffset } from '../../server/dicom/part10-structure';

/** The dataset bytes of a Part 10 file: everything after the preamble and the group 0002 file meta. */
export function datasetBytes(file: Uint8Array): Buffer {
  const offset = datasetOffset(file);
  if (offset === null) throw new Error('not a Part 10 file');
  return Buffer.from(file.subarray(offset));
}
