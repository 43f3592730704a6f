import { describe, expect, it } from 'vitest';
import { currentSchemaVersion, upcast, type UpcasterRegistry } from './upcasters';

const registry: UpcasterRegistry = {
  CaseSubmitted: [({ name, ...rest }) => ({ ...rest, title: name }), (data) => ({ ...data, keywords: data.keywords ?? [] })],
};

describe('event upcasting', () => {
  it('knows the current version of each type: one past its last upcaster', () => {
    expect(currentSchemaVersion(registry, 'CaseSubmitted')).toBe(3);
    expect(currentSchemaVersion(registry, 'Other')).toBe(1);
  });
  it('brings a v1 payload through every step to the current shape', () => {
    expect(upcast(registry, 'CaseSubmitted', 1, { name: 'Chest' })).toEqual({ title: 'Chest', keywords: [] });
  });
  it('applies only the steps after the recorded version and leaves current payloads alone', () => {
    expect(upcast(registry, 'CaseSubmitted', 2, { title: 'T' })).toEqual({ title: 'T', keywords: [] });
    expect(upcast(registry, 'CaseSubmitted', 3, { title: 'T', keywords: ['k'] })).toEqual({ title: 'T', keywords: ['k'] });
  });
});
