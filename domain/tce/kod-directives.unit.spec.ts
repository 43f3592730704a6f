import { describe, expect, it } from 'vitest';
import { parseKodDirectives } from './kod-directives';

describe('KOD directives', () => {
  it('reads owner, folder, title and category, leaving the rest as the note', () => {
    const d = parseKodDirectives('Nice case owner=jsmith and more folder=Chest cases\ntitle=Giant cell tumour category=MSK');
    expect(d).toMatchObject({ owner: 'jsmith', folder: 'Chest cases', title: 'Giant cell tumour', category: 'MSK' });
    expect(d.note).toBe('Nice case and more');
  });

  it('accepts quoted values', () => {
    expect(parseKodDirectives('folder="Neuro teaching" see me').folder).toBe('Neuro teaching');
  });

  it("reads MIRC's mirc:authorization/owner= and mirc:title= forms, values running to the next directive", () => {
    const d = parseKodDirectives('mirc:authorization/owner=jsmith mirc:title=MIRC titled case mirc:freetext=notes here mirc:history=fell over');
    expect(d).toMatchObject({ owner: 'jsmith', title: 'MIRC titled case', mircFields: { history: 'fell over' } });
    expect(d.note).toBe('notes here');
  });

  it('takes the first value when a directive repeats and ignores words merely ending in a key', () => {
    const d = parseKodDirectives('owner=a owner=b subtitle=x');
    expect(d.owner).toBe('a');
    expect(d.title).toBeNull();
  });

  it('returns empty directives for an absent or plain KOD', () => {
    expect(parseKodDirectives(null)).toEqual({ owner: null, folder: null, title: null, category: null, mircFields: {}, note: '' });
    expect(parseKodDirectives('just a note').note).toBe('just a note');
  });

  it('keeps non-Latin text intact', () => {
    expect(parseKodDirectives('Fall von Prof. Müller — 脳腫瘍 title=Zürich case').title).toBe('Zürich case');
  });
});
