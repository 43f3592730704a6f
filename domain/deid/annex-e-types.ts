/** Action codes of PS3.15 Table E.1-1a. The composite codes depend on the attribute's Type in the IOD at hand. */
export type ActionCode = 'D' | 'Z' | 'X' | 'K' | 'C' | 'U' | 'Z/D' | 'X/Z' | 'X/D' | 'X/Z/D' | 'X/Z/U*';

/** Keys of the option columns of Table E.1-1, as in the innolitics JSON the tables are generated from. */
export type OptionColumn =
  | 'rtnSafePrivOpt'
  | 'rtnUIDsOpt'
  | 'rtnDevIdOpt'
  | 'rtnInstIdOpt'
  | 'rtnPatCharsOpt'
  | 'rtnLongFullDatesOpt'
  | 'rtnLongModifDatesOpt'
  | 'cleanDescOpt'
  | 'cleanStructContOpt'
  | 'cleanGraphOpt';

/** One row of Table E.1-1. `tag` is `GGGGEEEE`, or a pattern with `X` digits for repeating groups, or `ODD_GROUP`. */
export interface AnnexERow {
  readonly tag: string;
  readonly name: string;
  readonly basic: ActionCode;
  readonly options: Partial<Record<OptionColumn, 'K' | 'C'>>;
}

/** One row of Table E.3.4-1: an SR concept name and what Clean Structured Content does with items that carry it. */
export interface StructuredContentRow {
  readonly codeValue: string;
  readonly codingScheme: string;
  readonly meaning: string;
  readonly valueType: string;
  readonly basic: ActionCode;
  readonly options: Partial<Record<OptionColumn, 'K' | 'C'>>;
}

/** A private data element considered safe to keep, with the lists that name it. */
export interface SafePrivateRow {
  readonly group: number;
  /** Element number within the private block (the low byte, `xx` in `(gggg,xxEE)`). */
  readonly elementInBlock: number;
  /** Private creator, upper-cased and trimmed for matching. */
  readonly creator: string;
  readonly sources: readonly string[];
}

/** A known burned-in region rule: `condition` decides whether it applies; rectangles are x, y, width, height. */
export interface PixelRegionRule {
  readonly library: 'CTP' | 'deid';
  readonly label: string;
  readonly condition: RegionCondition;
  readonly regions: readonly (readonly [number, number, number, number])[];
}

/** A condition over attribute values (by keyword or `[gggg,eeee]`): CTP expressions and deid graylist criteria alike. */
export type RegionCondition =
  | { readonly op: 'and' | 'or'; readonly terms: readonly RegionCondition[] }
  | { readonly op: 'not'; readonly term: RegionCondition }
  | { readonly op: 'test'; readonly attribute: string; readonly method: string; readonly argument: string };
