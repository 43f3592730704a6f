import type { SopInstanceUid } from '../dicom/uid';
import { assertNever, type Decider } from '../shared/decider';
import { isAtfi, readManifest, type TceManifest } from './manifest';
import { checkPhi } from './phi-gate';
import { evolveTceInbox, initialTceInboxState } from './submission-evolve';
import { DomainError } from '../shared/errors';
import type {
  DeleteQuarantined,
  ExpireSubmissions,
  ReleaseQuarantined,
  StageInstance,
  SubmissionId,
  SubmissionState,
  TceInboxCommand,
  TceInboxEvent,
  TceInboxState,
} from './submission-types';

/** Collects events while keeping a running state, so later rules see what earlier events changed. */
class Emitter {
  readonly events: TceInboxEvent[] = [];
  constructor(public state: TceInboxState) {}
  emit(event: TceInboxEvent): void {
    this.events.push(event);
    this.state = evolveTceInbox(this.state, event);
  }
}

/**
 * What a submission still lacks: referenced instances, and the other manifests its Identical Documents name,
 * so a multi-study selection is built once, with all its studies (dcm4chee waits for both as well).
 */
const missingOf = (state: TceInboxState, submission: SubmissionState): SopInstanceUid[] =>
  [...new Set([...submission.expected, ...submission.identicalDocuments])].filter((uid) => !state.instances.has(uid)).sort();

const samePatient = (a: string | null, b: string | null) => a === null || b === null || a === b;

const covers = (outer: readonly string[], inner: readonly string[]) => {
  const set = new Set(outer);
  return inner.every((uid) => set.has(uid));
};

type JoinReason = 'identical-documents' | 'supersedes-held' | 'overlapping-references';

/**
 * Submissions a new manifest belongs to (tce.md §5 items 8–10): those its Identical Documents name or that
 * name it (one selection across studies = one case); held ones it is a superset of (the final manifest after a
 * delay); and those whose references overlap it (an updated selection updates its case). Superset and overlap
 * also require the same pseudonymous Patient ID, when both are known.
 */
function matchingSubmissions(state: TceInboxState, manifest: TceManifest): Array<{ submission: SubmissionState; why: JoinReason }> {
  const matches: Array<{ submission: SubmissionState; why: JoinReason }> = [];
  const expected = new Set<string>(manifest.expected);
  for (const submission of state.submissions.values()) {
    const linked =
      submission.manifests.some((uid) => manifest.identicalDocuments.includes(uid)) ||
      submission.identicalDocuments.includes(manifest.sopInstanceUid);
    const patientOk = samePatient(submission.patientId, manifest.patientId);
    if (linked) matches.push({ submission, why: 'identical-documents' });
    else if (patientOk && submission.status === 'held' && covers(manifest.expected, submission.expected)) {
      matches.push({ submission, why: 'supersedes-held' });
    } else if (patientOk && submission.expected.some((uid) => expected.has(uid))) {
      matches.push({ submission, why: 'overlapping-references' });
    }
  }
  return matches;
}

/**
 * After a change, moves a non-held submission to complete as its references dictate. A manifest that adds
 * references a built case lacks reopens it; a late instance never does (it attaches to the partial case).
 */
function settle(out: Emitter, id: SubmissionId, byManifestUid: SopInstanceUid, at: string, byManifest: boolean): void {
  const submission = out.state.submissions.get(id);
  if (!submission || submission.status === 'held') return;
  const missing = missingOf(out.state, submission);
  if (missing.length === 0 && submission.status !== 'complete') {
    out.emit({
      type: 'SubmissionCompleted',
      data: { submissionId: id, manifests: submission.manifests, instances: submission.expected, completedAt: at, late: submission.status === 'partial' },
    });
  } else if (missing.length > 0 && byManifest && (submission.status === 'complete' || submission.status === 'partial')) {
    out.emit({ type: 'SubmissionReopened', data: { submissionId: id, byManifestUid, missing } });
  }
}

function receiveManifest(out: Emitter, command: StageInstance, manifest: TceManifest): void {
  const { receivedAt, newSubmissionId } = command.data;
  const matches = matchingSubmissions(out.state, manifest);
  const [first, ...rest] = matches;
  const targetId = first?.submission.id ?? newSubmissionId;
  for (const other of rest) {
    out.emit({ type: 'SubmissionsMerged', data: { submissionId: targetId, mergedSubmissionId: other.submission.id, byManifestUid: manifest.sopInstanceUid } });
  }
  const heldMatches = matches.filter((m) => m.submission.status === 'held');
  const releases = !manifest.delay && heldMatches.length > 0 && heldMatches.every((m) => covers(manifest.expected, m.submission.expected));
  out.emit({
    type: 'ManifestReceived',
    data: {
      submissionId: targetId,
      manifestUid: manifest.sopInstanceUid,
      purpose: manifest.purpose,
      title: manifest.title,
      delayReason: manifest.delay?.reason ?? null,
      expected: manifest.expected,
      referenceMismatch: manifest.referenceMismatch,
      identicalDocuments: manifest.identicalDocuments,
      studies: manifest.studies,
      patientId: manifest.patientId,
      joined: first?.why ?? 'new',
      receivedAt,
    },
  });
  const status = out.state.submissions.get(targetId)?.status;
  if (manifest.delay && status !== 'held') {
    out.emit({
      type: 'SubmissionHeld',
      data: { submissionId: targetId, reason: manifest.delay.reason, code: manifest.delay.code, manifestUid: manifest.sopInstanceUid },
    });
  } else if (status === 'held' && releases) {
    out.emit({ type: 'SubmissionReleased', data: { submissionId: targetId, byManifestUid: manifest.sopInstanceUid } });
  }
  settle(out, targetId, manifest.sopInstanceUid, receivedAt, true);
}

function stageInstance(state: TceInboxState, command: StageInstance, gate: 'check-phi' | 'released' = 'check-phi'): TceInboxEvent[] {
  const { summary, sha256, receivedAt, channel } = command.data;
  const uid = summary.sopInstanceUid;
  const facts = {
    sopInstanceUid: uid,
    sopClassUid: summary.sopClassUid,
    studyInstanceUid: summary.studyInstanceUid,
    seriesInstanceUid: summary.seriesInstanceUid,
    sha256,
    receivedAt,
    channel,
  };
  const existing = state.instances.get(uid);
  if (existing || (gate === 'check-phi' && state.quarantined.get(uid) === sha256)) {
    if (!existing || existing.sha256 === sha256) return [{ type: 'DuplicateInstanceIgnored', data: { sopInstanceUid: uid, sha256, receivedAt, channel } }];
    const owner = state.expectedBy.get(uid) ?? state.manifestSubmission.get(uid) ?? null;
    const events: TceInboxEvent[] = [{ type: 'InstanceReplaced', data: { ...facts, previousSha256: existing.sha256, submissionId: owner } }];
    const manifestOwner = state.manifestSubmission.get(uid);
    if (manifestOwner) events.push({ type: 'DuplicateManifestIgnored', data: { submissionId: manifestOwner, manifestUid: uid } });
    return events;
  }
  const verdict = checkPhi(summary);
  if (verdict.quarantine && gate === 'check-phi') return [{ type: 'InstanceQuarantined', data: { ...facts, findings: verdict.findings } }];

  const out = new Emitter(state);
  const manifest = readManifest(summary);
  const waitingId = state.expectedBy.get(uid);
  const waiting = (waitingId && state.submissions.get(waitingId)) || null;
  out.emit({
    type: 'InstanceStaged',
    data: {
      ...facts,
      columns: {
        modality: summary.modality,
        seriesNumber: summary.seriesNumber,
        instanceNumber: summary.instanceNumber,
        seriesDescription: summary.seriesDescription,
        bodyPart: summary.bodyPartExamined,
        procedureCode: summary.procedureCode,
        studyDate: summary.studyDate,
        numberOfFrames: summary.numberOfFrames,
        rows: summary.rows,
        columns: summary.columns,
        transferSyntaxUid: summary.transferSyntaxUid,
      },
      kind: manifest ? 'manifest' : isAtfi(summary) ? 'atfi' : 'instance',
      submissionId: waiting?.id ?? null,
      pixelReview: verdict.pixelReview,
      phiWarnings: verdict.findings.filter((f) => f.severity === 'warn'),
    },
  });
  if (manifest) receiveManifest(out, command, manifest);
  if (waiting && waiting.status === 'partial') {
    const stillMissing = missingOf(out.state, waiting);
    out.emit({ type: 'LateInstanceAttached', data: { submissionId: waiting.id, sopInstanceUid: uid, stillMissing } });
  }
  if (waiting) settle(out, waiting.id, uid, receivedAt, false);
  return out.events;
}

/**
 * Times out collecting submissions idle for `completionTimeoutMs`: the case is built partial with its
 * missing list instead of being dropped (tce.md §5 item 7; MIRC deletes silently). Held submissions wait.
 */
function expire(state: TceInboxState, command: ExpireSubmissions): TceInboxEvent[] {
  const now = Date.parse(command.data.now);
  return [...state.submissions.values()]
    .filter((s) => s.status === 'collecting' && Date.parse(s.lastActivityAt) + command.data.completionTimeoutMs <= now)
    .map((s) => ({
      type: 'SubmissionTimedOut' as const,
      data: {
        submissionId: s.id,
        missing: missingOf(state, s),
        present: s.expected.filter((uid) => state.instances.has(uid)),
        at: command.data.now,
      },
    }));
}

/**
 * Releasing a quarantined object stages it past the PHI gate, with the arrival facts of its quarantine; the
 * admin who released it is recorded. Deleting one records who and why; the caller destroys the bytes.
 */
function releaseQuarantined(state: TceInboxState, command: ReleaseQuarantined): TceInboxEvent[] {
  const { summary, sha256, channel, releasedBy, at, newSubmissionId } = command.data;
  if (state.quarantined.get(summary.sopInstanceUid) !== sha256) {
    throw new DomainError('NOT_QUARANTINED', `${summary.sopInstanceUid} is not in quarantine`);
  }
  const released: TceInboxEvent = { type: 'QuarantineReleased', data: { sopInstanceUid: summary.sopInstanceUid, sha256, releasedBy, at } };
  const staged = stageInstance(evolveTceInbox(state, released), { type: 'StageInstance', data: { summary, sha256, receivedAt: at, channel, newSubmissionId } }, 'released');
  return [released, ...staged];
}

function deleteQuarantined(state: TceInboxState, command: DeleteQuarantined): TceInboxEvent[] {
  const { sopInstanceUid, deletedBy, reason, at } = command.data;
  const sha256 = state.quarantined.get(sopInstanceUid);
  if (!sha256) throw new DomainError('NOT_QUARANTINED', `${sopInstanceUid} is not in quarantine`);
  if (reason.trim() === '') throw new DomainError('REASON_REQUIRED', 'say why the object is deleted');
  return [{ type: 'QuarantinedInstanceDeleted', data: { sopInstanceUid, sha256, deletedBy, reason: reason.trim(), at } }];
}

export function decideTceInbox(command: TceInboxCommand, state: TceInboxState): TceInboxEvent[] {
  switch (command.type) {
    case 'ReleaseQuarantined':
      return releaseQuarantined(state, command);
    case 'DeleteQuarantined':
      return deleteQuarantined(state, command);
    case 'StageInstance':
      return stageInstance(state, command);
    case 'ExpireSubmissions':
      return expire(state, command);
    default:
      return assertNever(command);
  }
}

/** The TCE receiver's staging area as a pure decider: arrival in any order, idempotent resends, hold, timeout. */
export const tceInboxDecider: Decider<TceInboxCommand, TceInboxEvent, TceInboxState> = {
  initialState: initialTceInboxState,
  decide: decideTceInbox,
  evolve: evolveTceInbox,
};
