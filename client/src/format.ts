import type { FolderKind } from './graphql/types';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "4 Dec 2025, 15:58" in the reader's time zone; the raw value if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : iso;
}

export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : iso;
}

const FOLDER_KIND_LABELS: Record<FolderKind, string> = {
  PERSONAL: 'Personal',
  SHARED: 'Shared',
  UNCLAIMED: 'Unclaimed',
};

export function folderKindLabel(kind: FolderKind): string {
  return FOLDER_KIND_LABELS[kind] ?? kind;
}

/** "FolderCreated" → "Folder created"; "case-added" → "Case added". */
export function describeEventType(type: string): string {
  const words = type
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SOURCE_LABELS: Record<string, string> = {
  web: 'Web',
  graphql: 'Web',
  'graphql-ws': 'Web',
  oidc: 'Single sign-on',
  cli: 'Command line',
  dicom: 'DICOM (PACS)',
  'c-store': 'DICOM (PACS)',
  stow: 'DICOMweb (PACS)',
  'stow-rs': 'DICOMweb (PACS)',
  dicomweb: 'DICOMweb (PACS)',
  system: 'System',
};

const SOURCE_PREFIX_LABELS: Record<string, string> = {
  cli: 'Command line',
  reaction: 'Lightbox (automatic)',
  job: 'Lightbox (background job)',
  dicom: 'DICOM (PACS)',
};

/** Event metadata `source` ("graphql", "cli:user-add", "reaction:personal-folder") in plain words. */
export function describeSource(source: string): string {
  const lower = source.toLowerCase();
  const exact = SOURCE_LABELS[lower];
  if (exact) return exact;
  const prefix = lower.split(':', 1)[0] ?? lower;
  return SOURCE_PREFIX_LABELS[prefix] ?? source;
}

export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : plural}`;
}

/** Sentence read out when a `folderChanged` event arrives. */
export function describeFolderChange(change: string, folderName: string): string {
  const name = `“${folderName}”`;
  switch (change) {
    case 'created':
      return `Folder ${name} was created.`;
    case 'renamed':
      return `A folder was renamed to ${name}.`;
    case 'caseAdded':
      return `A case was added to ${name}.`;
    case 'caseRemoved':
      return `A case was removed from ${name}.`;
    case 'shared':
      return `Folder ${name} was shared.`;
    case 'deleted':
      return `Folder ${name} was deleted.`;
    default:
      return `Folder ${name} changed (${describeEventType(change).toLowerCase()}).`;
  }
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB", 0 → "0 bytes" (decimal units, as network tools report them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1000) return `${Math.max(0, Math.round(bytes || 0)).toLocaleString('en-GB')} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${BYTE_UNITS[unit]}`;
}

/** DICOM DA "20240131" → "31 Jan 2024"; anything else unchanged. */
export function formatDicomDate(da: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(da);
  if (!match) return da;
  return formatDate(`${match[1]}-${match[2]}-${match[3]}T12:00:00Z`);
}

/** Routing rule ids (reference/tce.md §6) in words. */
const ROUTING_RULE_LABELS: Record<string, string> = {
  'kod-folder': 'Folder named in the submitter note',
  'kod-owner': 'Owner named in the submitter note',
  'called-ae': 'Route for the called AE title',
  'kod-disposition': 'Submitter note matches a disposition',
  'kos-observer': 'Person who selected the images (KOS observer)',
  'atfi-author': 'Author named in the teaching information',
  'calling-ae': 'Default folder of the sending site',
  unclaimed: 'No rule matched: Unclaimed submissions',
};

const ROUTING_OUTCOME_LABELS: Record<string, string> = {
  'no-input': 'Not given',
  'no-match': 'No match',
  'sender-not-allowed': 'Sender not allowed',
  matched: 'Matched',
};

export function describeRoutingOutcome(outcome: string): string {
  return ROUTING_OUTCOME_LABELS[outcome] ?? describeEventType(outcome);
}

export function describeRoutingRule(rule: string): string {
  return ROUTING_RULE_LABELS[rule] ?? describeEventType(rule);
}

/** "0xA700" stays; 42752 → "0xA700". */
export function formatDimseStatus(status: string): string {
  return status.startsWith('0x') ? status : `0x${Number(status).toString(16).toUpperCase().padStart(4, '0')}`;
}

const TRANSPORT_LABELS: Record<string, string> = { dimse: 'DICOM C-STORE', 'stow-rs': 'STOW-RS' };

/** "dimse" → "DICOM C-STORE", "stow-rs" → "STOW-RS". */
export function describeTransport(transport: string): string {
  return TRANSPORT_LABELS[transport] ?? transport;
}

/** Modalities of documents rather than images (manifest, report, presentation state). */
const NON_IMAGE_MODALITIES = new Set(['KO', 'SR', 'PR', 'DOC', 'OT']);

/** "KO, CT, SR" → ["CT"]: the modalities a radiologist means; all of them if none is an image. */
export function imagingModalities(modalities: readonly string[]): string[] {
  const images = modalities.filter((m) => !NON_IMAGE_MODALITIES.has(m));
  return images.length > 0 ? images : [...modalities];
}
