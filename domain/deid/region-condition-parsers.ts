import type { PixelRegionRule, RegionCondition } from './annex-e-types';

/** A region library file that does not follow its documented grammar. */
export class RegionLibraryParseError extends Error {
  readonly code = 'DEID_REGION_LIBRARY_SYNTAX';
}

const TOKEN = /\s*(\(|\)|\*|\+|!|\[[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\]\.\w+\s*\(\s*"[^"]*"\s*\)|\w+\.\w+\s*\(\s*"[^"]*"\s*\))/y;
const TEST = /^(\[[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\]|\w+)\.(\w+)\s*\(\s*"([^"]*)"\s*\)$/;

/**
 * Parses a CTP DicomPixelAnonymizer signature: `*` is AND, `+` is OR, `!` is NOT, with parentheses, and each term is
 * `Attribute.method("argument")`. AND binds tighter than OR, as in CTP's own parser.
 */
export function parseCtpCondition(source: string): RegionCondition {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < source.trim().length) {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(source);
    if (!match) throw new RegionLibraryParseError(`unexpected text in CTP condition at ${position}: ${source}`);
    tokens.push(match[1]!);
    position = TOKEN.lastIndex;
    while (position < source.length && /\s/.test(source[position]!)) position++;
  }
  let index = 0;
  const orExpression = (): RegionCondition => {
    const terms = [andExpression()];
    while (tokens[index] === '+') {
      index++;
      terms.push(andExpression());
    }
    return terms.length === 1 ? terms[0]! : { op: 'or', terms };
  };
  const andExpression = (): RegionCondition => {
    const terms = [unary()];
    while (tokens[index] === '*') {
      index++;
      terms.push(unary());
    }
    return terms.length === 1 ? terms[0]! : { op: 'and', terms };
  };
  const unary = (): RegionCondition => {
    const token = tokens[index++];
    if (token === '!') return { op: 'not', term: unary() };
    if (token === '(') {
      const inner = orExpression();
      if (tokens[index++] !== ')') throw new RegionLibraryParseError(`missing ")" in CTP condition: ${source}`);
      return inner;
    }
    const test = token === undefined ? null : TEST.exec(token);
    if (!test) throw new RegionLibraryParseError(`expected a test in CTP condition: ${source}`);
    return { op: 'test', attribute: test[1]!, method: test[2]!, argument: test[3]! };
  };
  const condition = orExpression();
  if (index !== tokens.length) throw new RegionLibraryParseError(`trailing tokens in CTP condition: ${source}`);
  return condition;
}

function deidCriterion(text: string): RegionCondition {
  const alternatives = text.split('||').map((part) => part.trim()).filter(Boolean).map((part): RegionCondition => {
    const match = /^(\w+)\s+(\w+)(?:\s+(.*))?$/.exec(part);
    if (!match) throw new RegionLibraryParseError(`unreadable deid criterion: ${part}`);
    return { op: 'test', attribute: match[2]!, method: `deid:${match[1]!.toLowerCase()}`, argument: (match[3] ?? '').trim() };
  });
  return alternatives.length === 1 ? alternatives[0]! : { op: 'or', terms: alternatives };
}

function deidRegion(line: string): [number, number, number, number] | null {
  const match = /^(ctpcoordinates|coordinates)\s+(-?\d+)\s*,\s*(-?\d+)\s*,\s*(-?\d+)\s*,\s*(-?\d+)\s*$/.exec(line);
  if (!match) return null;
  const [a, b, c, d] = [match[2], match[3], match[4], match[5]].map(Number) as [number, number, number, number];
  return match[1] === 'ctpcoordinates' ? [a, b, c, d] : [a, b, c - a, d - b];
}

/**
 * Parses the `%filter graylist` section of a pydicom/deid recipe into region rules. Criteria lines are joined left
 * to right (`+` at the start of a line is AND, `||` inside a line is OR); `coordinates` are xmin,ymin,xmax,ymax and
 * `ctpcoordinates` are x,y,w,h. Labels without a blanking rectangle only flag images, which OCR covers, so they are
 * dropped; `keepcoordinates` and `from:` regions are not blanking rectangles either.
 */
export function parseDeidGraylist(recipe: string): PixelRegionRule[] {
  const rules: PixelRegionRule[] = [];
  let inGraylist = false;
  let current: { label: string; criteria: RegionCondition[]; joins: ('and' | 'or')[]; regions: [number, number, number, number][] } | null = null;
  const flush = (): void => {
    if (current && current.regions.length > 0 && current.criteria.length > 0) {
      let condition = current.criteria[0]!;
      current.criteria.slice(1).forEach((criterion, index) => {
        condition = { op: current!.joins[index]!, terms: [condition, criterion] };
      });
      rules.push({ library: 'deid', label: current.label, condition, regions: current.regions });
    }
    current = null;
  };
  for (const rawLine of recipe.split('\n')) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line.startsWith('%')) {
      flush();
      inGraylist = /^%filter\s+graylist/.test(line);
      continue;
    }
    if (!inGraylist || line === '') continue;
    if (line.startsWith('LABEL')) {
      flush();
      current = { label: line.slice(5).trim(), criteria: [], joins: [], regions: [] };
      continue;
    }
    if (!current) continue;
    const region = deidRegion(line);
    if (region) {
      current.regions.push(region);
      continue;
    }
    if (/^(keepcoordinates|ctpkeepcoordinates|coordinates|ctpcoordinates)\b/.test(line)) continue;
    const joined = line.startsWith('+') ? 'and' : line.startsWith('||') ? 'or' : null;
    const criterion = deidCriterion(line.replace(/^(\+|\|\|)\s*/, ''));
    if (current.criteria.length > 0) current.joins.push(joined ?? 'and');
    current.criteria.push(criterion);
  }
  flush();
  return rules;
}
