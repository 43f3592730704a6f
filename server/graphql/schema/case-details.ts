import type { CaseAuthor, CaseSender, RoutingRecord } from '../../../domain/cases/case-model';
import type { CodedConcept } from '../../../domain/dicom/coded-concept';
import { instancesOfSeries, type CaseInstanceRow, type CaseSeriesRow } from '../../../projections/cases/cases-queries';
import { sendingNodeById } from '../../../projections/nodes/nodes-queries';
import { builder } from '../builder';

export const CodedConceptRef = builder.objectRef<CodedConcept>('CodedConcept').implement({
  fields: (t) => ({ value: t.exposeString('value'), scheme: t.exposeString('scheme'), meaning: t.exposeString('meaning') }),
});

export const CaseAuthorRef = builder.objectRef<CaseAuthor>('CaseAuthor').implement({
  description: 'The author named in the ATFI (or the KOS observer). Null once the person is erased.',
  fields: (t) => ({
    name: t.exposeString('name'),
    gmcNumber: t.exposeString('gmcNumber', { nullable: true }),
    affiliation: t.exposeStringList('affiliation'),
    contact: t.exposeStringList('contact'),
  }),
});

const SendingNodeSummaryRef = builder.objectRef<{ id: string; name: string }>('SendingNodeSummary').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

export const CaseSenderRef = builder.objectRef<CaseSender>('CaseSender').implement({
  description: 'How the case arrived: recorded with the case, never written into the DICOM objects.',
  fields: (t) => ({
    transport: t.string({ resolve: (s) => (s.transport === 'dimse' ? 'DICOM C-STORE' : 'STOW-RS') }),
    callingAet: t.exposeString('callingAet'),
    calledAet: t.exposeString('calledAet'),
    peerAddress: t.exposeString('peerAddress'),
    node: t.field({ type: SendingNodeSummaryRef, nullable: true, resolve: (s, _a, ctx) => (s.nodeId ? sendingNodeById(ctx.services.readDb, s.nodeId) : null) }),
  }),
});

const RoutingStepRef = builder.objectRef<RoutingRecord['steps'][number]>('RoutingStep').implement({
  fields: (t) => ({ rule: t.exposeString('rule'), outcome: t.exposeString('outcome'), detail: t.exposeString('detail') }),
});

export const RoutingRef = builder.objectRef<RoutingRecord>('CaseRouting').implement({
  description: 'Which routing rule chose the folder, and every rule tried before it.',
  fields: (t) => ({ rule: t.exposeString('rule'), reason: t.exposeString('reason'), steps: t.field({ type: [RoutingStepRef], resolve: (r) => r.steps }) }),
});

const NameValueRef = builder.objectRef<{ name: string; value: string }>('NameValue').implement({
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
});
export { NameValueRef };

export const CaseInstanceRef = builder.objectRef<CaseInstanceRow>('CaseInstance').implement({
  fields: (t) => ({
    sopInstanceUid: t.exposeString('sopInstanceUid'),
    sopClassUid: t.exposeString('sopClassUid'),
    kind: t.exposeString('kind', { description: 'image, manifest, atfi or document' }),
    instanceNumber: t.exposeInt('instanceNumber', { nullable: true }),
    numberOfFrames: t.exposeInt('numberOfFrames', { nullable: true }),
    rows: t.exposeInt('rows', { nullable: true }),
    columns: t.exposeInt('columns', { nullable: true }),
    transferSyntaxUid: t.exposeString('transferSyntaxUid'),
    sha256: t.exposeString('sha256'),
  }),
});

export const CaseSeriesRef = builder.objectRef<CaseSeriesRow & { caseId: string }>('CaseSeries').implement({
  fields: (t) => ({
    studyInstanceUid: t.exposeString('studyInstanceUid'),
    studyDate: t.exposeString('studyDate', { nullable: true }),
    seriesInstanceUid: t.exposeString('seriesInstanceUid'),
    modality: t.exposeString('modality', { nullable: true }),
    seriesNumber: t.exposeInt('seriesNumber', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    bodyPart: t.exposeString('bodyPart', { nullable: true }),
    instanceCount: t.exposeInt('instanceCount'),
    instances: t.field({ type: [CaseInstanceRef], resolve: (s, _a, ctx) => instancesOfSeries(ctx.services.readDb, s.caseId, s.seriesInstanceUid) }),
  }),
});
