import { DomainError } from '../shared/errors';

/** Where released exports go: a DICOM Storage SCP (RAD-53 by C-STORE) or a DICOMweb STOW-RS service. */
export type Destination =
  | { readonly kind: 'dicom'; readonly label: string; readonly calledAet: string; readonly callingAet: string | null; readonly host: string; readonly port: number }
  | { readonly kind: 'stow'; readonly label: string; readonly studiesUrl: string };

export class DestinationError extends DomainError {
  constructor(message: string) {
    super('GATEWAY_BAD_DESTINATION', message);
    this.name = 'DestinationError';
  }
}

const AE_TITLE = /^[\x20-\x5b\x5d-\x7e]{1,16}$/;

function aeTitle(value: string, text: string): string {
  const decoded = decodeURIComponent(value);
  if (!AE_TITLE.test(decoded) || decoded.trim() === '') throw new DestinationError(`${text}: "${decoded}" is not an AE title (1–16 characters, no backslash)`);
  return decoded;
}

/**
 * Parses `dicom://AET@host:port` (or `dicom://CALLED:CALLING@host:port`, MIRC's form, to choose our calling AE per
 * destination) and `http(s)://…/dicomweb` (STOW-RS goes to `<base>/studies`, PS3.18 §10.5).
 */
export function parseDestination(text: string): Destination {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DestinationError(`"${text}" is not a URL; use dicom://AET@host:port or https://host/dicomweb`);
  }
  if (url.protocol === 'dicom:') {
    if (!url.username || !url.hostname || !url.port) throw new DestinationError(`"${text}": use dicom://AET@host:port`);
    return {
      kind: 'dicom',
      label: `dicom://${decodeURIComponent(url.username)}@${url.hostname}:${url.port}`,
      calledAet: aeTitle(url.username, text),
      callingAet: url.password ? aeTitle(url.password, text) : null,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port),
    };
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    if (url.username || url.password) throw new DestinationError(`"${text}": put credentials in --stow-token, not in the URL`);
    const base = url.href.replace(/\/+$/, '');
    return { kind: 'stow', label: base, studiesUrl: `${base}/studies` };
  }
  throw new DestinationError(`"${text}": unsupported scheme ${url.protocol} (dicom, https or http)`);
}
