import { describe, expect, it } from 'vitest';
import type { AtfiDocument } from './atfi';
import { parseKodDirectives } from './kod-directives';
import { categoryFromDirective, chooseCategory, chooseTitle } from './title';

const atfi = (over: Partial<AtfiDocument>) => ({ vendorTitle: null, abstract: null, category: null, ...over }) as AtfiDocument;
const at = '2024-05-06T10:00:00Z';

describe('case title and category', () => {
  it('prefers KOD title=, then the vendor Title, then the first Abstract line, then Untitled (date)', () => {
    const full = atfi({ vendorTitle: 'Vendor', abstract: '\nFirst line\nsecond' });
    expect(chooseTitle(parseKodDirectives('title=From KOD'), full, at)).toEqual({ title: 'From KOD', source: 'kod' });
    expect(chooseTitle(parseKodDirectives(null), full, at).source).toBe('vendor-title');
    expect(chooseTitle(parseKodDirectives(null), atfi({ abstract: '\nFirst line\nsecond' }), at).title).toBe('First line');
    expect(chooseTitle(parseKodDirectives(null), null, at).title).toBe('Untitled (2024-05-06)');
  });

  it('maps category words and codes, the directive beating the ATFI', () => {
    expect(categoryFromDirective('MSK')).toBe('musculoskeletal');
    expect(categoryFromDirective('TCE306')).toBe('neuro');
    expect(categoryFromDirective('Breast')).toBe('breast');
    expect(categoryFromDirective('astrology')).toBeNull();
    expect(chooseCategory(parseKodDirectives('category=chest'), atfi({ category: 'neuro' }))).toBe('pulmonary');
    expect(chooseCategory(parseKodDirectives(null), atfi({ category: 'neuro' }))).toBe('neuro');
  });
});
