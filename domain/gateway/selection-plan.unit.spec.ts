import { describe, expect, it } from 'vitest';
import { planSelections, type StagedManifest } from './selection-plan';

const manifest = (uid: string, expected: string[], extra: Partial<StagedManifest> = {}): StagedManifest => ({
  sopInstanceUid: uid,
  patientId: 'P1',
  purpose: 'teaching-file',
  delayReason: null,
  expected,
  identicalDocuments: [],
  receivedAt: 1,
  ...extra,
});

describe('planSelections', () => {
  it('waits while a referenced instance is missing and lists what is missing', () => {
    const [plan] = planSelections([manifest('k1', ['a', 'b', 'c'])], new Set(['a', 'c', 'k1']));
    expect(plan?.state).toEqual({ kind: 'waiting-for-instances', missing: ['b'] });
  });

  it('is ready when every reference is present, with the manifest after the instances', () => {
    const [plan] = planSelections([manifest('k1', ['b', 'a'])], new Set(['a', 'b', 'k1']));
    expect(plan?.state).toEqual({ kind: 'ready', instances: ['a', 'b', 'k1'] });
  });

  it('holds a manifest with a delay reason even when complete', () => {
    const [plan] = planSelections([manifest('k1', ['a'], { delayReason: 'histopathology' })], new Set(['a', 'k1']));
    expect(plan?.state).toEqual({ kind: 'delayed', reason: 'histopathology' });
  });

  it('supersedes a delayed manifest with a later one without delay that covers its references', () => {
    const plans = planSelections(
      [manifest('k1', ['a'], { delayReason: 'final-report', receivedAt: 1 }), manifest('k2', ['a', 'b'], { receivedAt: 2 })],
      new Set(['a', 'b', 'k1', 'k2']),
    );
    expect(plans.map((p) => [p.key, p.state.kind])).toEqual([['k1', 'superseded'], ['k2', 'ready']]);
  });

  it('does not let a manifest for another patient or a narrower one supersede a delayed one', () => {
    const plans = planSelections(
      [
        manifest('k1', ['a', 'b'], { delayReason: 'final-report' }),
        manifest('k2', ['a'], { receivedAt: 2 }),
        manifest('k3', ['a', 'b'], { receivedAt: 3, patientId: 'P2' }),
      ],
      new Set(['a', 'b']),
    );
    expect(plans[0]?.state.kind).toBe('delayed');
  });

  it('treats manifests listing each other as Identical Documents as one selection', () => {
    const plans = planSelections(
      [manifest('k2', ['c'], { identicalDocuments: ['k1'] }), manifest('k1', ['a'], { identicalDocuments: ['k2'] })],
      new Set(['a', 'c', 'k1', 'k2']),
    );
    expect(plans).toEqual([{ key: 'k1', manifests: ['k1', 'k2'], state: { kind: 'ready', instances: ['a', 'c', 'k1', 'k2'] } }]);
  });

  it('waits for the other manifest of an Identical Documents pair', () => {
    const [plan] = planSelections([manifest('k1', ['a'], { identicalDocuments: ['k2'] })], new Set(['a', 'k1']));
    expect(plan?.state).toEqual({ kind: 'waiting-for-manifests', missingManifests: ['k2'] });
  });
});
