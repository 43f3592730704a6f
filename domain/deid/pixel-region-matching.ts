import type { PixelRegionRule, RegionCondition } from './annex-e-types';
import { PIXEL_REGION_RULES } from './tables/pixel-region-library.generated';

/** Reads an attribute (keyword or `[gggg,eeee]`) of the instance as text; undefined when absent. */
export type AttributeLookup = (attribute: string) => string | undefined;

export type Rectangle = readonly [x: number, y: number, width: number, height: number];

const regexCache = new Map<string, RegExp | null>();

function regex(source: string, flags: string): RegExp | null {
  const key = `${flags}/${source}`;
  if (!regexCache.has(key)) {
    try {
      regexCache.set(key, new RegExp(source, flags));
    } catch {
      regexCache.set(key, null);
    }
  }
  return regexCache.get(key) ?? null;
}

function test(method: string, value: string | undefined, argument: string): boolean {
  if (method === 'deid:missing') return value === undefined;
  if (method === 'deid:empty') return value !== undefined && value.trim() === '';
  if (method === 'deid:present') return value !== undefined;
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  const argumentLower = argument.toLowerCase();
  switch (method) {
    case 'equals': return value === argument;
    case 'equalsIgnoreCase': return lower === argumentLower;
    case 'contains': return value.includes(argument);
    case 'containsIgnoreCase': return lower.includes(argumentLower);
    case 'startsWith': return value.startsWith(argument);
    case 'startsWithIgnoreCase': return lower.startsWith(argumentLower);
    case 'endsWith': return value.endsWith(argument);
    case 'endsWithIgnoreCase': return lower.endsWith(argumentLower);
    case 'matches': return regex(`^(?:${argument})$`, '')?.test(value) ?? false;
    case 'isLessThan': return Number(value) < Number(argument);
    case 'isGreaterThan': return Number(value) > Number(argument);
    case 'deid:contains': return regex(argument, 'i')?.test(value) ?? lower.includes(argumentLower);
    case 'deid:notcontains': return !(regex(argument, 'i')?.test(value) ?? lower.includes(argumentLower));
    case 'deid:equals': return lower === argumentLower;
    case 'deid:notequals': return lower !== argumentLower;
    default: return false;
  }
}

/** Evaluates a region condition against one instance's attributes. */
export function conditionHolds(condition: RegionCondition, lookup: AttributeLookup): boolean {
  switch (condition.op) {
    case 'and': return condition.terms.every((term) => conditionHolds(term, lookup));
    case 'or': return condition.terms.some((term) => conditionHolds(term, lookup));
    case 'not': return !conditionHolds(condition.term, lookup);
    case 'test': return test(condition.method, lookup(condition.attribute), condition.argument);
    default: {
      const unreachable: never = condition;
      return unreachable;
    }
  }
}

export interface MatchedRegions {
  readonly labels: readonly string[];
  readonly rectangles: readonly Rectangle[];
}

/**
 * The known burned-in regions for an instance: the first matching CTP signature (CTP's own semantics) plus every
 * matching deid graylist label (deid's semantics). Rectangles are clipped to the image by the redaction step.
 */
export function knownBurnedInRegions(lookup: AttributeLookup, rules: readonly PixelRegionRule[] = PIXEL_REGION_RULES): MatchedRegions {
  const labels: string[] = [];
  const rectangles: Rectangle[] = [];
  const ctp = rules.find((rule) => rule.library === 'CTP' && conditionHolds(rule.condition, lookup));
  const deid = rules.filter((rule) => rule.library === 'deid' && conditionHolds(rule.condition, lookup));
  for (const rule of ctp ? [ctp, ...deid] : deid) {
    labels.push(`${rule.library}: ${rule.label}`);
    rectangles.push(...rule.regions);
  }
  return { labels, rectangles };
}
