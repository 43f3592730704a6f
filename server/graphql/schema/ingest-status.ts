import { pendingSubmissions, quarantinedInstances, receivedUids, type QuarantineRow, type SubmissionRow } from '../../../projections/tce-inbox/tce-inbox-queries';
import { calledAeRoutes } from '../../../projections/traffic/called-ae-routes-projection';
import { recentAssociations, recentRefusedInstances, type AssociationRow, type RefusedInstanceRow } from '../../../projections/traffic/traffic-queries';
import { folderById } from '../../../projections/folders/folders-queries';
import { setCalledAeRoute } from '../../ingest/called-ae-routes';
import { mapAsync } from '../../live/map-async';
import { builder, commandContext } from '../builder';
import { FolderRef } from './folder';

const PendingSubmissionRef = builder.objectRef<SubmissionRow & { missing: string[] }>('PendingSubmission').implement({
  description: 'A TCE submission still collecting its instances, held for a delay reason, or built partial.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.exposeString('status'),
    purpose: t.exposeString('purpose', { nullable: true }),
    heldReason: t.exposeString('holdReason', { nullable: true }),
    manifests: t.exposeStringList('manifests'),
    expectedCount: t.int({ resolve: (s) => s.expected.length }),
    receivedCount: t.int({ resolve: (s) => s.expected.length - s.missing.length }),
    missing: t.exposeStringList('missing', { description: 'SOP Instance UIDs referenced by the manifest and not yet received.' }),
    openedAt: t.exposeString('openedAt'),
    lastActivityAt: t.exposeString('lastActivityAt'),
  }),
});

const QuarantinedRef = builder.objectRef<QuarantineRow>('QuarantinedInstance').implement({
  description: 'An object kept out of every folder because it may not be de-identified.',
  fields: (t) => ({
    sopInstanceUid: t.exposeString('sopInstanceUid'),
    sopClassUid: t.exposeString('sopClassUid'),
    reasons: t.stringList({ resolve: (q) => q.findings.map((f) => `${f.where}: ${f.detail}`) }),
    receivedAt: t.exposeString('receivedAt'),
    callingAet: t.exposeString('callingAet'),
    peerAddress: t.exposeString('peerAddress'),
    transport: t.exposeString('transport'),
  }),
});

const AssociationRef = builder.objectRef<AssociationRow>('DicomAssociation').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    transport: t.exposeString('transport'),
    callingAet: t.exposeString('callingAet'),
    calledAet: t.exposeString('calledAet'),
    peerAddress: t.exposeString('peerAddress'),
    outcome: t.exposeString('outcome', { description: 'completed, aborted or refused' }),
    reason: t.exposeString('reason', { nullable: true }),
    openedAt: t.exposeString('openedAt'),
    endedAt: t.exposeString('endedAt'),
    stored: t.exposeInt('stored'),
    failed: t.exposeInt('failed'),
    bytes: t.float({ resolve: (a) => a.bytes }),
  }),
});

const RefusedInstanceRef = builder.objectRef<RefusedInstanceRow>('RefusedInstance').implement({
  fields: (t) => ({
    associationId: t.exposeString('associationId'),
    transport: t.exposeString('transport'),
    sopInstanceUid: t.exposeString('sopInstanceUid', { nullable: true }),
    status: t.string({ description: 'The DIMSE status answered, in hex.', resolve: (r) => `0x${r.status.toString(16).toUpperCase().padStart(4, '0')}` }),
    code: t.exposeString('code'),
    reason: t.exposeString('reason'),
    at: t.exposeString('at'),
  }),
});

const CalledAeRouteRef = builder.objectRef<{ aeTitle: string; folderId: string }>('CalledAeRoute').implement({
  fields: (t) => ({
    aeTitle: t.exposeString('aeTitle'),
    folder: t.field({ type: FolderRef, nullable: true, resolve: (r, _a, ctx) => folderById(ctx.services.readDb, r.folderId) }),
  }),
});

const IngestStatusRef = builder.objectRef<object>('IngestStatus').implement({
  description: 'What the DICOM receiver is doing: for admins.',
  fields: (t) => ({
    pendingSubmissions: t.field({
      type: [PendingSubmissionRef],
      resolve: (_s, _a, ctx) =>
        pendingSubmissions(ctx.services.readDb, 200).map((s) => {
          const received = receivedUids(ctx.services.readDb, s.expected);
          return { ...s, missing: s.expected.filter((u) => !received.has(u)) };
        }),
    }),
    quarantined: t.field({ type: [QuarantinedRef], resolve: (_s, _a, ctx) => quarantinedInstances(ctx.services.readDb, 200) }),
    recentAssociations: t.field({ type: [AssociationRef], resolve: (_s, _a, ctx) => recentAssociations(ctx.services.readDb, 100) }),
    refusedInstances: t.field({ type: [RefusedInstanceRef], resolve: (_s, _a, ctx) => recentRefusedInstances(ctx.services.readDb, 100) }),
    calledAeRoutes: t.field({
      type: [CalledAeRouteRef],
      resolve: (_s, _a, ctx) => Object.entries(calledAeRoutes(ctx.services.readDb)).map(([aeTitle, folderId]) => ({ aeTitle, folderId })),
    }),
  }),
});

builder.queryField('ingestStatus', (t) => t.field({ type: IngestStatusRef, authScopes: { admin: true }, resolve: () => ({}) }));

builder.mutationField('setCalledAeRoute', (t) =>
  t.boolean({
    authScopes: { admin: true },
    description: 'Files everything sent to this called AE title into the folder (or removes the route when folderId is null).',
    args: { aeTitle: t.arg.string({ required: true }), folderId: t.arg.id({ required: false }) },
    resolve: async (_r, args, ctx) => {
      await setCalledAeRoute(ctx.services, args.aeTitle, args.folderId ? String(args.folderId) : null, commandContext(ctx));
      return true;
    },
  }),
);

builder.subscriptionField('ingestChanged', (t) =>
  t.string({
    authScopes: { admin: true },
    description: 'Fires (with what changed) when the ingest status changes: a submission, quarantine, association or route.',
    subscribe: (_r, _a, ctx) => mapAsync(ctx.services.notices.listen('ingest'), async (notice) => notice.change),
    resolve: (change) => change,
  }),
);

builder.mutationField('releaseQuarantined', (t) =>
  t.boolean({
    authScopes: { admin: true },
    description: 'Lets a quarantined object in after an admin checked it carries no patient identity.',
    args: { sopInstanceUid: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const context = commandContext(ctx);
      await ctx.services.runner.waitFor(await ctx.services.quarantine.release(args.sopInstanceUid, context.actorId!, context));
      return true;
    },
  }),
);

builder.mutationField('deleteQuarantined', (t) =>
  t.boolean({
    authScopes: { admin: true },
    description: 'Deletes a quarantined object and its bytes; the reason is recorded.',
    args: { sopInstanceUid: t.arg.string({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const context = commandContext(ctx);
      await ctx.services.runner.waitFor(await ctx.services.quarantine.delete(args.sopInstanceUid, context.actorId!, args.reason, context));
      return true;
    },
  }),
);
