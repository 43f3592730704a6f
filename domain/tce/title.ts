import type { AtfiDocument } from './atfi';
import { teachingCategories, type TeachingCategory } from './codes';
import type { KodDirectives } from './kod-directives';

export interface ChosenTitle {
  readonly title: string;
  readonly source: 'kod' | 'vendor-title' | 'abstract' | 'untitled';
}

/**
 * The case title, by tce.md §6: KOD `title=` > ATFI vendor Title (AGFAIMPAXEE TF001) > first non-empty line
 * of the ATFI Abstract > "Untitled (YYYY-MM-DD)" from the receive date. TCE itself defines no title.
 */
export function chooseTitle(directives: KodDirectives, atfi: AtfiDocument | null, receivedAt: string): ChosenTitle {
  if (directives.title) return { title: directives.title, source: 'kod' };
  const vendor = atfi?.vendorTitle?.trim();
  if (vendor) return { title: vendor, source: 'vendor-title' };
  const firstLine = atfi?.abstract?.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '');
  if (firstLine) return { title: firstLine, source: 'abstract' };
  return { title: `Untitled (${receivedAt.slice(0, 10)})`, source: 'untitled' };
}

const categoryWords: Readonly<Record<string, TeachingCategory>> = {
  msk: 'musculoskeletal',
  chest: 'pulmonary',
  thoracic: 'pulmonary',
  cardiac: 'cardiovascular',
  gi: 'gastrointestinal',
  gu: 'genitourinary',
  neuroradiology: 'neuro',
  ir: 'vascular-interventional',
  interventional: 'vascular-interventional',
  nm: 'nuclear',
  us: 'ultrasound',
  paediatric: 'pediatric',
  paeds: 'pediatric',
};

/** A KOD `category=` word as a CID 7017 category: the category's name, its TCE code, or a common abbreviation. */
export function categoryFromDirective(word: string | null): TeachingCategory | null {
  if (!word) return null;
  const key = word.trim().toLowerCase();
  const direct = teachingCategories.find(
    (t) => t.category === key || t.aliases.some((a) => a.value.toLowerCase() === key || a.meaning.toLowerCase() === key),
  );
  return direct?.category ?? categoryWords[key] ?? null;
}

/** Category: the KOD directive wins over the ATFI's coded Category (the sender chose it for this archive). */
export const chooseCategory = (directives: KodDirectives, atfi: AtfiDocument | null): TeachingCategory | null =>
  categoryFromDirective(directives.category) ?? atfi?.category ?? null;
