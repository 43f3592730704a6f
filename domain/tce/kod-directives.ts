/**
 * Routing directives written into the Key Object Description (KOD) by the sender. TCE defines no owner,
 * folder or title field (tce.md §6), so Lightbox reads its own `key=value` directives and MIRC's
 * `mirc:<path>=value` form. Values: `"quoted"` anything; `owner=`/`category=` one word; `folder=`/`title=`
 * up to the end of the line or the next directive; MIRC values up to the next directive (MIRC's own rule).
 * Text that is not a directive value is kept as the submitter's note; `mirc:freetext=` only marks note text.
 */
export interface KodDirectives {
  readonly owner: string | null;
  readonly folder: string | null;
  readonly title: string | null;
  readonly category: string | null;
  /** Other `mirc:<path>=value` directives, keyed by path, for template fields. */
  readonly mircFields: Readonly<Record<string, string>>;
  /** The KOD with the directives taken out: what the submitter wrote as a note. */
  readonly note: string;
}

const LIGHTBOX_KEYS = ['owner', 'folder', 'title', 'category'] as const;
type LightboxKey = (typeof LIGHTBOX_KEYS)[number];

const DIRECTIVE = /(?:^|(?<=\s))(mirc:[A-Za-z0-9_/\-.]+|owner|folder|title|category)=/gi;

const MIRC_ALIASES: Readonly<Record<string, LightboxKey>> = {
  'mirc:authorization/owner': 'owner',
  'mirc:title': 'title',
};

function splitValue(key: string, segment: string): { value: string; rest: string } {
  const quoted = /^\s*"([^"]*)"(.*)$/s.exec(segment);
  if (quoted) return { value: (quoted[1] ?? '').trim(), rest: quoted[2] ?? '' };
  if (key.startsWith('mirc:')) return { value: segment.trim(), rest: '' };
  const pattern = key === 'owner' || key === 'category' ? /^\s*(\S*)(.*)$/s : /^([^\n]*)(.*)$/s;
  const [, value = '', rest = ''] = pattern.exec(segment) ?? [];
  return { value: value.trim(), rest };
}

export function parseKodDirectives(kod: string | null): KodDirectives {
  const text = kod ?? '';
  const found = [...text.matchAll(DIRECTIVE)];
  const values: Record<LightboxKey, string | null> = { owner: null, folder: null, title: null, category: null };
  const mircFields: Record<string, string> = {};
  const noteParts: string[] = [text.slice(0, found[0]?.index ?? text.length)];
  found.forEach((match, i) => {
    const rawKey = (match[1] ?? '').toLowerCase();
    const start = (match.index ?? 0) + match[0].length;
    const segment = text.slice(start, found[i + 1]?.index ?? text.length);
    const { value, rest } = splitValue(rawKey, segment);
    const key = MIRC_ALIASES[rawKey] ?? (LIGHTBOX_KEYS as readonly string[]).find((k) => k === rawKey);
    if (rawKey === 'mirc:freetext') noteParts.push(value);
    else if (key) values[key as LightboxKey] ??= value === '' ? null : value;
    else if (rawKey.startsWith('mirc:') && value !== '') mircFields[rawKey.slice(5)] = value;
    noteParts.push(rest);
  });
  return { ...values, mircFields, note: noteParts.join(' ').replace(/\s+/g, ' ').trim() };
}
