import dcmjs from 'dcmjs';

/** A dcmjs naturalized dataset: keyword → value; sequences are arrays of datasets. */
export type NaturalDataset = Record<string, unknown>;

/** The file meta information and dataset read from a Part 10 file, as dcmjs represents them. */
export interface Part10Contents {
  readonly transferSyntaxUid: string | null;
  /** Specific Character Set exactly as sent (dcmjs rewrites the dataset's copy to ISO_IR 192 after decoding). */
  readonly specificCharacterSet: readonly string[];
  readonly dataset: NaturalDataset;
}

dcmjs.log.setLevel('error');

/**
 * dcmjs decodes text with the Specific Character Set only at the top level: sequence items are read through
 * sub-streams created by `more()` that fall back to Latin-1, so UTF-8 text in SR content items (KOD, ATFI)
 * comes out garbled. Propagating the decoder to sub-streams fixes nested text (checklist item 11).
 */
const readStreamPrototype = dcmjs.data.ReadBufferStream.prototype;
if (!readStreamPrototype.__lightboxDecoderPropagation) {
  const more = readStreamPrototype.more;
  readStreamPrototype.more = function moreWithDecoder(this: { decoder?: unknown }, length: number) {
    const sub = more.call(this, length);
    if (this.decoder) sub.setDecoder(this.decoder);
    return sub;
  };
  readStreamPrototype.__lightboxDecoderPropagation = true;
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Reads a Part 10 file up to (not including) Pixel Data. Throws dcmjs's own errors; callers translate them. */
export function readPart10(bytes: Uint8Array): Part10Contents {
  const file = dcmjs.data.DicomMessage.readFile(toArrayBuffer(bytes), {
    untilTag: '7FE00010',
    includeUntilTagValue: false,
  });
  const meta = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.meta) as NaturalDataset;
  const charsetElement = file.dict['00080005'] as { _rawValue?: unknown; Value?: unknown } | undefined;
  const charset = charsetElement?._rawValue ?? charsetElement?.Value ?? [];
  return {
    transferSyntaxUid: typeof meta.TransferSyntaxUID === 'string' ? meta.TransferSyntaxUID : null,
    specificCharacterSet: (Array.isArray(charset) ? charset : [charset]).map((v) => String(v ?? '').trim()),
    dataset: dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict) as NaturalDataset,
  };
}

/** Writes a naturalized dataset as a Part 10 file in Explicit VR Little Endian, UTF-8 text. */
export function writePart10(meta: NaturalDataset, dataset: NaturalDataset): Buffer {
  const dict = new dcmjs.data.DicomDict(dcmjs.data.DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset);
  return Buffer.from(dict.write({ fragmentMultiframe: false }) as ArrayBuffer);
}
