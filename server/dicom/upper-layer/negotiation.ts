import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from '../part10-header';
import { decidePresentationContext } from '../presentation';
import type { AssociationRejection } from '../scp-types';
import { ContextResult, DICOM_APPLICATION_CONTEXT, encodeAssociateAccept, encodeAssociateReject, type AssociateRequest, type ContextAnswer } from './pdu';

export interface AcceptedContext {
  readonly abstractSyntaxUid: string;
  readonly transferSyntaxUid: string;
}

/**
 * A-ASSOCIATE-RJ values (PS3.8 Table 9-21). An unknown AE is a permanent refusal by the service user; "busy"
 * is transient and comes from the presentation-related provider ("local limit exceeded"), which tells a PACS to
 * retry later instead of giving up.
 */
const rejection: Record<AssociationRejection, readonly [number, number, number]> = {
  'calling-ae-not-recognized': [1, 1, 3],
  'called-ae-not-recognized': [1, 1, 7],
  busy: [2, 3, 2],
  'no-reason': [1, 1, 1],
};

export const rejectAssociation = (reason: AssociationRejection) => encodeAssociateReject(...rejection[reason]);

/**
 * Refusals decided from the request alone, before the AE titles are checked: a protocol version without bit 0
 * (PS3.8 §9.3.2) is "protocol version not supported" from the ACSE provider; an application context other than
 * DICOM's is "application context name not supported" from the service user.
 */
export function rejectMalformedRequest(request: AssociateRequest): Buffer | null {
  if ((request.protocolVersion & 0x0001) === 0) return encodeAssociateReject(1, 2, 2);
  if (request.applicationContext !== DICOM_APPLICATION_CONTEXT) return encodeAssociateReject(1, 1, 2);
  return null;
}

const resultOf = { 'abstract-syntax-not-supported': ContextResult.abstractSyntaxNotSupported, 'transfer-syntaxes-not-supported': ContextResult.transferSyntaxesNotSupported } as const;

/**
 * Answers every proposed presentation context with the rules of `decidePresentationContext` (one transfer
 * syntax each, the first offered that we support). An association whose contexts are all rejected is still
 * accepted (PS3.8 §9.3.3 allows it): the requestor learns each context's reason and releases.
 */
export function acceptAssociation(request: AssociateRequest, maxPduLength: number): { pdu: Buffer; contexts: Map<number, AcceptedContext> } {
  const accepted = new Map<number, AcceptedContext>();
  const answers: ContextAnswer[] = request.contexts.map((proposed) => {
    const decision = decidePresentationContext(proposed.abstractSyntaxUid, proposed.transferSyntaxUids);
    if (decision.accept) {
      accepted.set(proposed.id, { abstractSyntaxUid: proposed.abstractSyntaxUid, transferSyntaxUid: decision.transferSyntaxUid });
      return { id: proposed.id, result: ContextResult.acceptance, transferSyntaxUid: decision.transferSyntaxUid };
    }
    return { id: proposed.id, result: resultOf[decision.reason], transferSyntaxUid: proposed.transferSyntaxUids[0] ?? '1.2.840.10008.1.2' };
  });
  const pdu = encodeAssociateAccept({
    request,
    contexts: answers,
    maxPduLength,
    implementationClassUid: IMPLEMENTATION_CLASS_UID,
    implementationVersionName: IMPLEMENTATION_VERSION_NAME,
  });
  return { pdu, contexts: accepted };
}
