import { code, type CodedConcept } from '../dicom/coded-concept';
import type { DicomInstanceSummary } from '../dicom/instance-summary';
import type { SrContentItem } from '../dicom/sr-content';
import type { SopInstanceUid } from '../dicom/uid';
import {
  difficultyLevels,
  matchesAny,
  teachingCategories,
  vendorTitle,
  yesNoCodes,
  type CodeAliases,
  type DifficultyLevel,
  type TeachingCategory,
  type YesNoAnswer,
} from './codes';
import { isAtfi } from './manifest';
import { gmcNumberOf, type GmcNumber } from './person-name';

export type AtfiValue = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'code'; readonly code: CodedConcept };

export interface AtfiAuthor {
  /** The TCE101 text, normally a DICOM PN such as `Smith^Jane^^Dr^GMC1234567`. */
  readonly name: string;
  readonly gmcNumber: GmcNumber | null;
  readonly affiliation: readonly string[];
  readonly contact: readonly string[];
}

/** Rows 6–22 of the ATFI template: TEXT and/or CODE, 1-n, kept as lists in document order. */
export type AtfiListField =
  | 'keywords'
  | 'history'
  | 'findings'
  | 'discussion'
  | 'differentialDiagnosis'
  | 'diagnosis'
  | 'anatomy'
  | 'pathology'
  | 'organSystem';

/** The Additional Teaching File Information SR (tce.md §3), parsed. */
export interface AtfiDocument extends Readonly<Record<AtfiListField, readonly AtfiValue[]>> {
  readonly sopInstanceUid: SopInstanceUid;
  readonly authors: readonly AtfiAuthor[];
  readonly abstract: string | null;
  readonly modality: readonly CodedConcept[];
  readonly category: TeachingCategory | null;
  readonly categoryCode: CodedConcept | null;
  readonly level: DifficultyLevel | null;
  readonly diagnosisConfirmed: readonly YesNoAnswer[];
  /** AGFAIMPAXEE TF001: a vendor's Title, since TCE has none. */
  readonly vendorTitle: string | null;
  /** Items the template does not define, kept so nothing a sender wrote is lost. */
  readonly extra: ReadonlyArray<{ readonly concept: CodedConcept | null; readonly value: AtfiValue | { readonly kind: 'other'; readonly valueType: string } }>;
  readonly warnings: readonly string[];
}

const ihe = (value: string, meaning: string) => code(value, 'IHERADTF', meaning);
const dcm = (value: string, meaning: string) => code(value, 'DCM', meaning);

const concepts = {
  author: [ihe('TCE101', 'Author')],
  affiliation: [ihe('TCE102', 'Affiliation')],
  contact: [ihe('TCE103', 'Contact')],
  abstract: [ihe('TCE104', 'Abstract')],
  modality: [dcm('121139', 'Modality')],
  category: [ihe('TCE109', 'Category'), dcm('128723', 'Teaching File Category')],
  level: [ihe('TCE110', 'Level'), dcm('128724', 'Level of Difficulty')],
  diagnosisConfirmed: [ihe('TCE111', 'Diagnosis confirmed')],
  vendorTitle: [vendorTitle],
} satisfies Record<string, CodeAliases>;

const listConcepts: ReadonlyArray<[AtfiListField, CodeAliases]> = [
  ['keywords', [ihe('TCE105', 'Keywords')]],
  ['history', [dcm('121060', 'History')]],
  ['findings', [dcm('121071', 'Finding')]],
  ['discussion', [ihe('TCE106', 'Discussion')]],
  ['differentialDiagnosis', [dcm('111023', 'Differential Diagnosis/Impression')]],
  ['diagnosis', [ihe('TCE107', 'Diagnosis')]],
  ['anatomy', [dcm('112005', 'Radiographic anatomy')]],
  ['pathology', [dcm('111042', 'Pathology')]],
  ['organSystem', [ihe('TCE108', 'Organ system')]],
];

const valueOf = (item: SrContentItem): AtfiValue | null =>
  item.valueType === 'TEXT'
    ? { kind: 'text', text: item.text }
    : item.valueType === 'CODE' && item.code
      ? { kind: 'code', code: item.code }
      : null;

const textOf = (item: SrContentItem): string | null =>
  item.valueType === 'TEXT' ? item.text : item.valueType === 'PNAME' ? item.personName : null;

/**
 * CID 230 answer of a TCE111 code. dcm4chee 2.x writes R-00339 ("No") with meaning "Yes" and R-0038D ("Yes")
 * with meaning "No" (tce.md §3.4). When code and meaning disagree and the meaning is a plain Yes/No/Undetermined,
 * the meaning wins and a warning records the disagreement.
 */
function yesNo(value: CodedConcept, warnings: string[]): YesNoAnswer | null {
  const byCode = yesNoCodes.find((y) => matchesAny(value, y.aliases))?.answer ?? null;
  const meaning = value.meaning.trim().toLowerCase();
  const byMeaning = meaning === 'yes' || meaning === 'no' || meaning === 'undetermined' ? meaning : null;
  if (byCode && byMeaning && byCode !== byMeaning) {
    warnings.push(`Diagnosis confirmed: code ${value.value} means "${byCode}" but is labelled "${value.meaning}" (dcm4chee swap); using "${byMeaning}"`);
    return byMeaning;
  }
  return byCode ?? byMeaning;
}

/** Parses an ATFI SR; null when the instance is not one. Nested or flat Affiliation/Contact both work. */
export function readAtfi(summary: DicomInstanceSummary): AtfiDocument | null {
  if (!isAtfi(summary) || !summary.sr) return null;
  const lists = Object.fromEntries(listConcepts.map(([field]) => [field, [] as AtfiValue[]])) as Record<AtfiListField, AtfiValue[]>;
  const authors: Array<{ name: string; affiliation: string[]; contact: string[] }> = [];
  const pendingProperties: { affiliation: string[]; contact: string[] } = { affiliation: [], contact: [] };
  const abstracts: string[] = [];
  const modality: CodedConcept[] = [];
  const diagnosisConfirmed: YesNoAnswer[] = [];
  const extra: AtfiDocument['extra'][number][] = [];
  const warnings: string[] = [];
  let category: { category: TeachingCategory | null; code: CodedConcept } | null = null;
  let level: DifficultyLevel | null = null;
  let title: string | null = null;

  const addProperty = (item: SrContentItem, kind: 'affiliation' | 'contact') => {
    const text = textOf(item);
    if (text === null) return;
    const target = authors.at(-1) ?? pendingProperties;
    target[kind].push(text);
  };

  for (const item of summary.sr.root.children) {
    const c = item.concept;
    const value = valueOf(item);
    if (matchesAny(c, concepts.author)) {
      const author = { name: textOf(item) ?? '', affiliation: [] as string[], contact: [] as string[] };
      authors.push(author);
      for (const child of item.children) {
        if (matchesAny(child.concept, concepts.affiliation)) addProperty(child, 'affiliation');
        else if (matchesAny(child.concept, concepts.contact)) addProperty(child, 'contact');
      }
    } else if (matchesAny(c, concepts.affiliation)) addProperty(item, 'affiliation');
    else if (matchesAny(c, concepts.contact)) addProperty(item, 'contact');
    else if (matchesAny(c, concepts.abstract) && value?.kind === 'text') abstracts.push(value.text);
    else if (matchesAny(c, concepts.vendorTitle) && value?.kind === 'text') title ??= value.text;
    else if (matchesAny(c, concepts.modality) && value?.kind === 'code') modality.push(value.code);
    else if (matchesAny(c, concepts.category) && value?.kind === 'code') {
      const known = teachingCategories.find((t) => matchesAny(value.code, t.aliases));
      if (!known) warnings.push(`unknown teaching category ${value.code.value}^${value.code.scheme}`);
      category ??= { category: known?.category ?? null, code: value.code };
    } else if (matchesAny(c, concepts.level) && value?.kind === 'code') {
      level ??= difficultyLevels.find((l) => matchesAny(value.code, l.aliases))?.level ?? null;
    } else if (matchesAny(c, concepts.diagnosisConfirmed) && value?.kind === 'code') {
      const answer = yesNo(value.code, warnings);
      if (answer) diagnosisConfirmed.push(answer);
    } else {
      const field = listConcepts.find(([, aliases]) => matchesAny(c, aliases))?.[0];
      if (field && value) lists[field].push(value);
      else extra.push({ concept: c, value: value ?? { kind: 'other', valueType: item.valueType } });
    }
  }
  const [firstAuthor] = authors;
  if (firstAuthor) {
    firstAuthor.affiliation.unshift(...pendingProperties.affiliation);
    firstAuthor.contact.unshift(...pendingProperties.contact);
  }
  if (authors.length === 0) warnings.push('no Author (TCE101), which the template requires');
  if (abstracts.length === 0) warnings.push('no Abstract (TCE104), which the template requires');
  if (!category) warnings.push('no Category (TCE109), which the template requires');
  return {
    sopInstanceUid: summary.sopInstanceUid,
    authors: authors.map((a) => ({ ...a, gmcNumber: gmcNumberOf(a.name) })),
    abstract: abstracts.length > 0 ? abstracts.join('\n\n') : null,
    ...lists,
    modality,
    category: category?.category ?? null,
    categoryCode: category?.code ?? null,
    level,
    diagnosisConfirmed,
    vendorTitle: title,
    extra,
    warnings,
  };
}
