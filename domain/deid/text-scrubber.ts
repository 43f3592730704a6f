const latin1 = new TextDecoder('latin1');

const MONTHS = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC';
/** Date-like and identifier-like patterns removed from free text whatever the dataset holds. */
const GENERIC_PATTERNS = [
  String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{2,4}`,
  String.raw`\d{1,2}[ -](?:${MONTHS})[A-Z]*[ -]\d{2,4}`,
  String.raw`(?:19|20)\d{6}`,
  String.raw`\d{6,}`,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes identifying words from free text for the "clean" action (Clean Descriptors, Clean Structured Content,
 * Clean Graphics): every term taken from this instance's identifying attributes (names, IDs, institution, address)
 * and every date-like or long numeric string is overwritten with `X`, keeping the byte length so VR length limits
 * still hold. Matching works on the raw bytes (read as Latin-1), so terms in any character set match byte for byte.
 */
export class TextScrubber {
  private readonly pattern: RegExp;

  constructor(terms: Iterable<string>) {
    const unique = [...new Set([...terms].map((term) => term.trim()).filter((term) => term.length >= 2))]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    const alternatives = [...unique, ...GENERIC_PATTERNS].join('|');
    this.pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives})(?![A-Za-z0-9])`, 'gi');
  }

  /** Scrubs a raw text value; returns the same bytes object when nothing matched. */
  scrub(value: Uint8Array): Uint8Array {
    const text = latin1.decode(value);
    this.pattern.lastIndex = 0;
    if (!this.pattern.test(text)) return value;
    this.pattern.lastIndex = 0;
    const result = value.slice();
    for (const match of text.matchAll(this.pattern)) {
      result.fill(0x58, match.index, match.index + match[0].length);
    }
    return result;
  }
}

/** Splits a raw PN value into its name components and words (PS3.5 §6.2.1: `=` groups, `^` components). */
export function personNameTerms(value: Uint8Array): string[] {
  return latin1.decode(value).split(/[=^\\ ,]+/).map((part) => part.trim()).filter((part) => part.length >= 2);
}

/** The whole value and its words of four or more characters, for identifying LO/SH/ST values. */
export function identifierTerms(value: Uint8Array): string[] {
  const text = latin1.decode(value).replace(/[\0 ]+$/, '');
  const values = text.split('\\').map((part) => part.trim()).filter((part) => part.length >= 2);
  const words = values.flatMap((part) => part.split(/[\s,;:()/]+/)).filter((word) => word.length >= 4);
  return [...values, ...words];
}
