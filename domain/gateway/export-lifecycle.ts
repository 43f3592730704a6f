import { DomainError } from '../shared/errors';
import type { SelectionState } from './selection-plan';

/**
 * Where one export stands. Nothing leaves the hospital before a person has looked at the de-identified images and
 * pressed Release (RCR guidance B.5: the user is prompted to check for burned-in text).
 */
export type ExportStatus =
  | 'waiting'
  | 'delayed'
  | 'superseded'
  | 'preparing'
  | 'awaiting-review'
  | 'released'
  | 'rejected'
  | 'exported'
  | 'failed';

export type ExportLifecycleErrorCode = 'GATEWAY_NOT_AWAITING_REVIEW' | 'GATEWAY_REJECT_REASON_REQUIRED' | 'GATEWAY_CANNOT_REJECT';

/** A release or rejection that the export's current status does not allow. */
export class ExportLifecycleError extends DomainError {
  constructor(
    override readonly code: ExportLifecycleErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'ExportLifecycleError';
  }
}

/** Statuses the planner may still change: once de-identification starts, the export follows the review path. */
export function isPlannerOwned(status: ExportStatus): boolean {
  return status === 'waiting' || status === 'delayed' || status === 'superseded';
}

/** The status a selection's plan puts an export in (before de-identification). */
export function statusForPlan(state: SelectionState): ExportStatus {
  switch (state.kind) {
    case 'waiting-for-manifests':
    case 'waiting-for-instances':
      return 'waiting';
    case 'delayed':
      return 'delayed';
    case 'superseded':
      return 'superseded';
    case 'ready':
      return 'preparing';
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** Release is only possible for an export whose de-identified preview is ready and not yet decided. */
export function releaseFrom(status: ExportStatus): 'released' {
  if (status !== 'awaiting-review') {
    throw new ExportLifecycleError('GATEWAY_NOT_AWAITING_REVIEW', `an export that is ${status} cannot be released`);
  }
  return 'released';
}

/**
 * Rejection needs a reason (it is kept with the export as the record of why nothing left). Selections still waiting
 * or held can be rejected too, so a mistaken selection never goes out when its last instance arrives.
 */
export function rejectFrom(status: ExportStatus, reason: string): 'rejected' {
  if (reason.trim() === '') throw new ExportLifecycleError('GATEWAY_REJECT_REASON_REQUIRED', 'a reason is required to reject an export');
  if (status !== 'awaiting-review' && status !== 'waiting' && status !== 'delayed') {
    throw new ExportLifecycleError('GATEWAY_CANNOT_REJECT', `an export that is ${status} cannot be rejected`);
  }
  return 'rejected';
}

/** The export's status from its deliveries once released: every delivery sent, any given up, or still going. */
export function statusAfterDeliveries(deliveries: readonly { readonly status: 'pending' | 'sent' | 'failed' }[]): ExportStatus {
  if (deliveries.some((d) => d.status === 'failed')) return 'failed';
  if (deliveries.length > 0 && deliveries.every((d) => d.status === 'sent')) return 'exported';
  return 'released';
}
