/**
 * Received bytes kept as the list of socket chunks they arrived in. Reading a PDU header peeks across chunk
 * boundaries and taking a PDV value returns slices of the original chunks, so a large P-DATA-TF is never
 * copied or re-concatenated while it accumulates (dcmjs-dimse re-concatenates its whole buffer per chunk).
 */
export class ChunkQueue {
  private chunks: Buffer[] = [];
  private offset = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** The byte at `index` from the front; the caller checks `index < length`. */
  byteAt(index: number): number {
    let position = this.offset + index;
    for (const chunk of this.chunks) {
      if (position < chunk.length) return chunk[position]!;
      position -= chunk.length;
    }
    throw new RangeError(`byte ${index} is beyond the ${this.size} queued`);
  }

  uint32At(index: number): number {
    return ((this.byteAt(index) << 24) | (this.byteAt(index + 1) << 16) | (this.byteAt(index + 2) << 8) | this.byteAt(index + 3)) >>> 0;
  }

  /** Removes `count` bytes from the front and returns them as slices of the received chunks (no copy). */
  take(count: number): Buffer[] {
    if (count > this.size) throw new RangeError(`cannot take ${count} of ${this.size} queued bytes`);
    const parts: Buffer[] = [];
    let remaining = count;
    while (remaining > 0) {
      const chunk = this.chunks[0]!;
      const available = chunk.length - this.offset;
      const used = Math.min(available, remaining);
      parts.push(chunk.subarray(this.offset, this.offset + used));
      remaining -= used;
      if (used === available) {
        this.chunks.shift();
        this.offset = 0;
      } else {
        this.offset += used;
      }
    }
    this.size -= count;
    return parts;
  }

  /** Like `take`, as one buffer; copies only when the bytes span chunks. */
  takeContiguous(count: number): Buffer {
    const parts = this.take(count);
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, count);
  }

  clear(): void {
    this.chunks = [];
    this.offset = 0;
    this.size = 0;
  }
}

/** A view over a list of slices that reads PDV items without joining them. */
export class SliceReader {
  private index = 0;
  private offset = 0;

  constructor(private readonly parts: readonly Buffer[]) {}

  private byte(): number {
    for (;;) {
      const part = this.parts[this.index];
      if (part === undefined) throw new RangeError('read past the end of the PDU');
      if (this.offset < part.length) return part[this.offset++]!;
      this.index += 1;
      this.offset = 0;
    }
  }

  uint8(): number {
    return this.byte();
  }

  uint32(): number {
    return ((this.byte() << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte()) >>> 0;
  }

  /** The next `count` bytes as slices of the underlying parts. */
  slices(count: number): Buffer[] {
    const out: Buffer[] = [];
    let remaining = count;
    while (remaining > 0) {
      const part = this.parts[this.index];
      if (part === undefined) throw new RangeError('PDV item runs past the end of the PDU');
      const used = Math.min(part.length - this.offset, remaining);
      if (used > 0) out.push(part.subarray(this.offset, this.offset + used));
      remaining -= used;
      this.offset += used;
      if (this.offset === part.length) {
        this.index += 1;
        this.offset = 0;
      }
    }
    return out;
  }

  get atEnd(): boolean {
    while (this.index < this.parts.length && this.offset >= this.parts[this.index]!.length) {
      this.index += 1;
      this.offset = 0;
    }
    return this.index >= this.parts.length;
  }
}
