import { describe, expect, it } from 'vitest';
import { code } from '../dicom/coded-concept';
import type { DicomInstanceSummary } from '../dicom/instance-summary';
import { decideTceInbox, tceInboxDecider } from './submission-decide';
import { asSubmissionId, type TceInboxCommand, type TceInboxEvent, type TceInboxState } from './submission-types';
import { image, manifest, uid } from './testing/summaries';

const channel = { transport: 'dimse' as const, associationId: 'a1', callingAet: 'PACS', calledAet: 'LIGHTBOX', peerAddress: '10.0.0.1' };
let clock = 0;
const at = () => new Date(Date.UTC(2024, 0, 1, 12, 0, clock++)).toISOString();

function stage(summary: DicomInstanceSummary, sha = `sha-${summary.sopInstanceUid}`, newId = `sub-${summary.sopInstanceUid}`): TceInboxCommand {
  return { type: 'StageInstance', data: { summary, sha256: sha, receivedAt: at(), channel, newSubmissionId: asSubmissionId(newId) } };
}

/** Given/when/then over the decider: runs the commands in order, returns every event and the final state. */
function run(commands: TceInboxCommand[]): { events: TceInboxEvent[]; last: TceInboxEvent[]; state: TceInboxState } {
  let state = tceInboxDecider.initialState();
  const events: TceInboxEvent[] = [];
  let last: TceInboxEvent[] = [];
  for (const command of commands) {
    last = decideTceInbox(command, state);
    events.push(...last);
    state = last.reduce(tceInboxDecider.evolve, state);
  }
  return { events, last, state };
}

const types = (events: TceInboxEvent[]) => events.map((e) => e.type);
const ofType = <T extends TceInboxEvent['type']>(events: TceInboxEvent[], type: T) =>
  events.filter((e): e is Extract<TceInboxEvent, { type: T }> => e.type === type);

const [a, b, c] = ['a', 'b', 'c'].map((n) => image(n)) as [DicomInstanceSummary, DicomInstanceSummary, DicomInstanceSummary];
const refsABC = [uid('a'), uid('b'), uid('c')];
const delayCode = code('TCE012', 'IHERADTF', 'Delay export until clinical information is available');

describe('TCE submission assembly', () => {
  it('completes when the manifest arrives first and the instances follow', () => {
    const { events, state } = run([stage(manifest('m', { refs: refsABC })), stage(a), stage(b), stage(c)]);
    expect(ofType(events, 'SubmissionCompleted')).toHaveLength(1);
    expect(ofType(events, 'InstanceStaged').filter((e) => e.data.submissionId === 'sub-' + uid('m'))).toHaveLength(3);
    expect(state.submissions.get('sub-' + uid('m'))?.status).toBe('complete');
  });

  it('completes when the instances arrive first and the manifest last', () => {
    const { last } = run([stage(a), stage(b), stage(c), stage(manifest('m', { refs: refsABC }))]);
    expect(types(last)).toEqual(['InstanceStaged', 'ManifestReceived', 'SubmissionCompleted']);
    expect(ofType(last, 'SubmissionCompleted')[0]?.data.instances).toEqual([...refsABC].sort());
  });

  it('ignores a resend of the same instance with the same bytes', () => {
    const { last, state } = run([stage(a), stage(a)]);
    expect(types(last)).toEqual(['DuplicateInstanceIgnored']);
    expect([...state.instances.keys()]).toEqual([uid('a')]);
  });

  it('records a resend with different bytes as a replacement', () => {
    const { last } = run([stage(a, 'sha-1'), stage(a, 'sha-2')]);
    expect(last).toEqual([expect.objectContaining({ type: 'InstanceReplaced', data: expect.objectContaining({ previousSha256: 'sha-1', sha256: 'sha-2' }) })]);
  });

  it('treats a repeated manifest UID as a no-op and does not open a second submission', () => {
    const m = manifest('m', { refs: refsABC });
    const { events, state } = run([stage(m), stage(m), stage(m, 'other-bytes')]);
    expect(ofType(events, 'ManifestReceived')).toHaveLength(1);
    expect([...state.submissions.keys()]).toHaveLength(1);
    expect(types(events)).toContain('DuplicateManifestIgnored');
  });

  it('merges two Identical Documents manifests of a two-study selection into one submission', () => {
    const mr = image('mr', { study: '2' });
    const kosCt = manifest('kos-ct', { refs: refsABC, identical: [uid('kos-mr')] });
    const kosMr = manifest('kos-mr', { refs: [uid('mr')], study: '2', identical: [uid('kos-ct')] });
    const { events, state } = run([stage(kosCt), stage(a), stage(b), stage(c), stage(kosMr), stage(mr)]);
    expect([...state.submissions.keys()]).toHaveLength(1);
    expect(ofType(events, 'ManifestReceived').map((e) => e.data.joined)).toEqual(['new', 'identical-documents']);
    const completed = ofType(events, 'SubmissionCompleted');
    expect(completed).toHaveLength(1);
    expect(completed[0]?.data.manifests).toHaveLength(2);
    expect(completed[0]?.data.instances).toHaveLength(4);
  });

  it('holds a delayed manifest and releases it when a superset manifest arrives', () => {
    const held = run([stage(manifest('m1', { refs: [uid('a')], delay: delayCode })), stage(a)]);
    expect(types(held.events)).toContain('SubmissionHeld');
    expect(types(held.events)).not.toContain('SubmissionCompleted');
    const { last, state } = run([
      stage(manifest('m1', { refs: [uid('a')], delay: delayCode })),
      stage(a),
      stage(b),
      stage(c),
      stage(manifest('m2', { refs: refsABC })),
    ]);
    expect(types(last)).toEqual(['InstanceStaged', 'ManifestReceived', 'SubmissionReleased', 'SubmissionCompleted']);
    expect(ofType(last, 'ManifestReceived')[0]?.data.joined).toBe('supersedes-held');
    expect([...state.submissions.values()]).toHaveLength(1);
  });

  it('keeps a held submission held when a later manifest does not cover it', () => {
    const { last } = run([
      stage(manifest('m1', { refs: [uid('a'), uid('b')], delay: delayCode })),
      stage(manifest('m2', { refs: [uid('b'), uid('c')] })),
    ]);
    expect(types(last)).not.toContain('SubmissionReleased');
  });

  it('never times out a held submission', () => {
    const { last } = run([
      stage(manifest('m1', { refs: [uid('a')], delay: delayCode })),
      { type: 'ExpireSubmissions', data: { now: '2030-01-01T00:00:00Z', completionTimeoutMs: 1000 } },
    ]);
    expect(last).toEqual([]);
  });

  it('times out with the missing list, then attaches late instances and completes', () => {
    const timeout: TceInboxCommand = { type: 'ExpireSubmissions', data: { now: '2024-01-01T13:30:00Z', completionTimeoutMs: 60 * 60_000 } };
    const early: TceInboxCommand = { type: 'ExpireSubmissions', data: { now: '2024-01-01T12:10:00Z', completionTimeoutMs: 60 * 60_000 } };
    const timedOut = run([stage(manifest('m', { refs: refsABC })), stage(a), early, timeout]);
    expect(timedOut.last).toEqual([
      expect.objectContaining({ type: 'SubmissionTimedOut', data: expect.objectContaining({ missing: [uid('b'), uid('c')].sort(), present: [uid('a')] }) }),
    ]);
    const late = run([stage(manifest('m', { refs: refsABC })), stage(a), timeout, stage(b), stage(c)]);
    expect(ofType(late.events, 'LateInstanceAttached').map((e) => e.data.stillMissing.length)).toEqual([1, 0]);
    expect(ofType(late.events, 'SubmissionCompleted')).toEqual([expect.objectContaining({ data: expect.objectContaining({ late: true }) })]);
  });

  it('updates the existing submission when a new manifest overlaps it, reopening it for the new references', () => {
    const { events, state } = run([stage(manifest('m1', { refs: [uid('a')] })), stage(a), stage(manifest('m2', { refs: [uid('a'), uid('b')] }))]);
    expect(types(events)).toEqual(expect.arrayContaining(['SubmissionCompleted', 'SubmissionReopened']));
    expect([...state.submissions.keys()]).toHaveLength(1);
  });

  it('does not join manifests of different pseudonymous patients by overlap', () => {
    const { state } = run([
      stage(manifest('m1', { refs: [uid('a')], patientId: 'P1' })),
      stage(manifest('m2', { refs: [uid('a')], patientId: 'P2' })),
    ]);
    expect([...state.submissions.keys()]).toHaveLength(2);
  });

  it('merges two open submissions that a later manifest links', () => {
    const { events, state } = run([
      stage(manifest('m1', { refs: [uid('a')], delay: delayCode })),
      stage(manifest('kos-ct', { refs: [uid('b')], identical: [uid('kos-final')] })),
      stage(manifest('kos-final', { refs: [uid('a'), uid('c')], identical: [uid('kos-ct')] })),
    ]);
    expect(types(events)).toContain('SubmissionsMerged');
    expect(types(events)).toContain('SubmissionReleased');
    expect([...state.submissions.keys()]).toHaveLength(1);
  });

  it('quarantines an instance without Patient Identity Removed and does not count it as present', () => {
    const { events } = run([stage(manifest('m', { refs: [uid('x')] })), stage(image('x', { pir: null }))]);
    expect(ofType(events, 'InstanceQuarantined')[0]?.data.findings[0]?.code).toBe('PATIENT_IDENTITY_NOT_REMOVED');
    expect(types(events)).not.toContain('SubmissionCompleted');
  });

  it('flags burned-in annotation for pixel review but stages the instance', () => {
    const { last } = run([stage(image('x', { burnedIn: 'YES' }))]);
    expect(ofType(last, 'InstanceStaged')[0]?.data.pixelReview).toBe(true);
  });

  it('stages an instance no manifest claims yet as waiting', () => {
    const { last } = run([stage(a)]);
    expect(ofType(last, 'InstanceStaged')[0]?.data).toMatchObject({ submissionId: null, kind: 'instance' });
  });
});
