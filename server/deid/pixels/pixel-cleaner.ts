import type { DeidOptions } from '../../../domain/deid/options';
import type { Part10File } from '../codec/read-part10';

/** What the pixel stage did to one instance before the header profile runs. */
export interface PixelCleaningOutcome {
  /** The instance to continue with: decoded to native pixels when redaction needed it. */
  readonly file: Part10File;
  /** Pixels were checked and every burned-in region found was blanked. */
  readonly pixelsCleaned: boolean;
  readonly heldForReview?: string;
}

/** The Clean Pixel Data (and Clean Graphics overlay) stage; IO-bound (OCR, codecs), so it lives at the edge. */
export interface PixelCleaner {
  clean(file: Part10File, originalBytes: Uint8Array, options: DeidOptions): Promise<PixelCleaningOutcome>;
}
