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
