import { describe, expect, it } from 'vitest';
import { given } from '../shared/given-when-then';
import { groupStudies, placeInstance, teachingContent, type StagedInstanceFacts } from './build-case';
import { caseDecider, type CaseEvent } from './case';
import { asCaseId, type CaseSubmission } from './case-model';

const caseId = asCaseId('case-1');
const facts = (uid: string, series: string, number: number | null, kind: StagedInstanceFacts['kind'] = 'instance'): StagedInstanceFacts => ({
  sopInstanceUid: uid,
  sopClassUid: kind === 'manifest' ? '1.2.840.10008.5.1.4.1.1.88.59' : '1.2.840.10008.5.1.4.1.1.2',
  studyInstanceUid: 'study',
  seriesInstanceUid: series,
  kind,
  sha256: `sha-${uid}`,
  modality: kind === 'manifest' ? 'KO' : 'CT',
  seriesNumber: series === 's2' ? 2 : 1,
  instanceNumber: number,
  seriesDescription: null,
  bodyPart: null,
  procedureCode: null,
  studyDate: null,
  numberOfFrames: null,
  rows: kind === 'manifest' ? null : 64,
  columns: kind === 'manifest' ? null : 64,
  transferSyntaxUid: '1.2.840.10008.1.2.1',
  pixelReview: false,
  phiWarnings: [],
});

const submission = (status: CaseSubmission['status']): CaseSubmission => ({
  caseId,
  submissionId: 'case-1',
  folderId: null,
  ownerId: null,
  title: 'Untitled (2026-12-04)',
  titleSource: 'untitled',
  purpose: 'teaching-file',
  status,
  heldReason: status === 'held' ? 'final-report' : null,
  missing: [],
  teaching: teachingContent(null),
  author: null,
  submitterNote: null,
  sender: { transport: 'dimse', nodeId: null, callingAet: 'PACS', calledAet: 'LIGHTBOX', peerAddress: '127.0.0.1' },
  routing: { rule: 'unclaimed', reason: 'unclaimed: no rule matched', steps: [] },
  studies: groupStudies([facts('a', 's1', 1)]),
  procedureCodes: [],
  manifestUids: [],
  atfiUid: null,
  pixelReview: [],
  phiWarnings: [],
  warnings: [],
  submittedAt: '2026-12-04T10:00:00.000Z',
});

describe('case decider', () => {
  const submitted: CaseEvent = { type: 'CaseSubmitted', data: submission('held') };

  it('submits a case once; a replayed submission decides nothing', () => {
    expect(given(caseDecider, []).when({ type: 'SubmitCase', submission: submission('held') })()).toEqual([submitted]);
    expect(given(caseDecider, [submitted]).when({ type: 'SubmitCase', submission: submission('held') })()).toEqual([]);
  });

  it('attaches only instances the case does not have yet', () => {
    const attach = { type: 'AttachInstances' as const, caseId, instances: [placeInstance(facts('a', 's1', 1)), placeInstance(facts('b', 's1', 2))], stillMissing: [], at: 't' };
    const events = given(caseDecider, [submitted]).when(attach)();
    expect(events).toHaveLength(1);
    expect(events[0]!.type === 'CaseInstancesAttached' && events[0]!.data.instances.map((p) => p.instance.sopInstanceUid)).toEqual(['b']);
  });

  it('completes a held case as released, revising its content when the final manifest brought the teaching file', () => {
    const content = { ...submission('complete'), title: 'Giant cell tumour', titleSource: 'abstract' };
    const events = given(caseDecider, [submitted]).when({ type: 'CompleteCase', caseId, instances: [], content, at: 't' })();
    expect(events.map((e) => e.type)).toEqual(['CaseContentRevised', 'CaseCompleted']);
    expect(events[1]).toEqual({ type: 'CaseCompleted', data: { caseId, released: true, at: 't' } });
  });

  it('lets an unclaimed case be claimed once, and refuses a case already filed', () => {
    const claim = { type: 'ClaimCase' as const, caseId, folderId: 'f-1', ownerId: 'u-1', claimedBy: 'u-1', at: 't' };
    const claimed = given(caseDecider, [submitted]).when(claim)();
    expect(claimed.map((e) => e.type)).toEqual(['CaseClaimed']);
    expect(given(caseDecider, [submitted, ...claimed]).when(claim)).toThrow(expect.objectContaining({ code: 'CASE_ALREADY_FILED' }));
    expect(given(caseDecider, []).when(claim)).toThrow(expect.objectContaining({ code: 'CASE_NOT_FOUND' }));
  });
});

describe('case building', () => {
  it('orders series by number and instances by instance number, whatever the arrival order', () => {
    const studies = groupStudies([facts('c', 's2', 1), facts('b', 's1', 2), facts('m', 's9', null, 'manifest'), facts('a', 's1', 1)]);
    expect(studies[0]!.series.map((s) => [s.seriesInstanceUid, s.instances.map((i) => i.sopInstanceUid)])).toEqual([
      ['s1', ['a', 'b']],
      ['s9', ['m']],
      ['s2', ['c']],
    ]);
    expect(studies[0]!.series[1]!.instances[0]!.kind).toBe('manifest');
  });
});
