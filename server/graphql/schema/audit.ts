import { auditTrail, type AuditEntryRow } from '../../../projections/audit/audit-queries';
import { usersByIds } from '../../../projections/users/users-queries';
import { canSeeAuditOf } from '../../../domain/audit/audit-access';
import { folderById } from '../../../projections/folders/folders-queries';
import { builder, viewerOf } from '../builder';
import { visibleCase } from './case';

const AuditEntryRef = builder.objectRef<AuditEntryRow & { actorName: string | null }>('AuditEntry').implement({
  description: 'One recorded change: what happened, when, by whom, through which channel.',
  fields: (t) => ({
    position: t.string({ resolve: (e) => String(e.position) }),
    streamId: t.exposeString('streamId'),
    revision: t.exposeInt('revision'),
    type: t.exposeString('type'),
    at: t.exposeString('at'),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorName: t.exposeString('actorName', { nullable: true }),
    source: t.exposeString('source'),
    correlationId: t.exposeString('correlationId'),
    causationId: t.exposeString('causationId', { nullable: true }),
  }),
});

builder.queryField('auditTrail', (t) =>
  t.field({
    type: [AuditEntryRef],
    description: 'Who did what when to one stream (a folder, a user …), newest first.',
    args: { streamId: t.arg.string({ required: true }), first: t.arg.int({ defaultValue: 50 }) },
    resolve: (_r, args, ctx) => {
      const viewer = viewerOf(ctx);
      const db = ctx.services.readDb;
      if (!canSeeAuditOf(args.streamId, viewer, (folderId) => folderById(db, folderId), (caseId) => visibleCase(ctx, caseId) !== null)) return [];
      const entries = auditTrail(db, args.streamId, Math.min(Math.max(args.first ?? 50, 1), 500));
      const actors = usersByIds(db, [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null))]);
      return entries.map((e) => {
        const actor = e.actorId ? actors.get(e.actorId) : undefined;
        return { ...e, actorName: actor ? (actor.erased ? 'Erased user' : actor.displayName) : null };
      });
    },
  }),
);
