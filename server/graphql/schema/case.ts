import type Database from 'better-sqlite3';
import { canClaimCase, canViewCase, type CaseAccessFacts } from '../../../domain/cases/case-access';
import { UNCLAIMED_FOLDER_ID } from '../../../domain/folders/folder';
import { caseById, seriesOfCase, type CaseRow } from '../../../projections/cases/cases-queries';
import { folderById } from '../../../projections/folders/folders-queries';
import { userById } from '../../../projections/users/users-queries';
import { claimCase } from '../../cases/claim-case';
import { mapAsync } from '../../live/map-async';
import { builder, commandContext, viewerOf, type GraphQLContext } from '../builder';
import { CaseAuthorRef, CaseSenderRef, CaseSeriesRef, CodedConceptRef, NameValueRef, RoutingRef } from './case-details';
import { FolderRef } from './folder';

export interface CaseSummary {
  id: string;
  title: string;
}

interface CaseConnection {
  totalCount: number;
  edges: { cursor: string; node: CaseSummary }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CaseStatusEnum = builder.enumType('CaseStatus', {
  values: { COMPLETE: { value: 'complete' }, PARTIAL: { value: 'partial' }, HELD: { value: 'held' } } as const,
});

const joined = (values: readonly string[]) => (values.length > 0 ? values.join('\n\n') : null);

/** Case fields read from the full case row, loaded once per case. */
const full = (c: CaseSummary | CaseRow, ctx: GraphQLContext): CaseRow => ('teaching' in c ? c : caseById(ctx.services.readDb, c.id)!);

export const CaseRef = builder.objectRef<CaseSummary | CaseRow>('Case').implement({
  description: 'A teaching case: the images of a TCE submission and its teaching content (ATFI).',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    status: t.field({ type: CaseStatusEnum, resolve: (c, _a, ctx) => full(c, ctx).status }),
    heldReason: t.string({ nullable: true, description: 'Why the sender delayed the case (TCE delay reason).', resolve: (c, _a, ctx) => full(c, ctx).heldReason }),
    missingInstances: t.stringList({ description: 'SOP Instance UIDs the manifest lists that have not arrived.', resolve: (c, _a, ctx) => full(c, ctx).missing }),
    purpose: t.string({ resolve: (c, _a, ctx) => full(c, ctx).purpose }),
    abstract: t.string({ nullable: true, resolve: (c, _a, ctx) => full(c, ctx).teaching.abstract }),
    history: t.string({ nullable: true, resolve: (c, _a, ctx) => joined(full(c, ctx).teaching.history) }),
    findings: t.string({ nullable: true, resolve: (c, _a, ctx) => joined(full(c, ctx).teaching.findings) }),
    diagnosis: t.string({ nullable: true, resolve: (c, _a, ctx) => joined(full(c, ctx).teaching.diagnosis) }),
    discussion: t.string({ nullable: true, resolve: (c, _a, ctx) => joined(full(c, ctx).teaching.discussion) }),
    differentialDiagnosis: t.stringList({ resolve: (c, _a, ctx) => [...full(c, ctx).teaching.differentialDiagnosis] }),
    anatomy: t.stringList({ resolve: (c, _a, ctx) => [...full(c, ctx).teaching.anatomy] }),
    pathology: t.stringList({ resolve: (c, _a, ctx) => [...full(c, ctx).teaching.pathology] }),
    organSystem: t.stringList({ resolve: (c, _a, ctx) => [...full(c, ctx).teaching.organSystem] }),
    keywords: t.stringList({ resolve: (c, _a, ctx) => [...full(c, ctx).teaching.keywords] }),
    category: t.string({ nullable: true, resolve: (c, _a, ctx) => full(c, ctx).teaching.category }),
    level: t.string({ nullable: true, resolve: (c, _a, ctx) => full(c, ctx).teaching.level }),
    diagnosisConfirmed: t.stringList({ resolve: (c, _a, ctx) => [...full(c, ctx).teaching.diagnosisConfirmed] }),
    otherTeachingItems: t.field({ type: [NameValueRef], resolve: (c, _a, ctx) => [...full(c, ctx).teaching.extra] }),
    author: t.field({ type: CaseAuthorRef, nullable: true, resolve: (c, _a, ctx) => full(c, ctx).author }),
    submitterNote: t.string({ nullable: true, description: 'The Key Object Description of the manifest, verbatim.', resolve: (c, _a, ctx) => full(c, ctx).submitterNote }),
    sender: t.field({ type: CaseSenderRef, resolve: (c, _a, ctx) => full(c, ctx).sender }),
    routing: t.field({ type: RoutingRef, resolve: (c, _a, ctx) => full(c, ctx).routing }),
    modalities: t.stringList({ resolve: (c, _a, ctx) => full(c, ctx).modalities }),
    bodyParts: t.stringList({ resolve: (c, _a, ctx) => full(c, ctx).bodyParts }),
    procedureCodes: t.field({ type: [CodedConceptRef], resolve: (c, _a, ctx) => full(c, ctx).procedureCodes }),
    pixelReviewInstances: t.stringList({ description: 'Instances flagged Burned In Annotation = YES.', resolve: (c, _a, ctx) => full(c, ctx).pixelReview }),
    phiWarnings: t.stringList({ resolve: (c, _a, ctx) => full(c, ctx).phiWarnings }),
    warnings: t.stringList({ description: 'Problems in how the sender wrote the manifest or ATFI.', resolve: (c, _a, ctx) => full(c, ctx).warnings }),
    submittedAt: t.string({ resolve: (c, _a, ctx) => full(c, ctx).submittedAt }),
    updatedAt: t.string({ resolve: (c, _a, ctx) => full(c, ctx).updatedAt }),
    folder: t.field({ type: FolderRef, nullable: true, resolve: (c, _a, ctx) => folderById(ctx.services.readDb, full(c, ctx).folderId ?? UNCLAIMED_FOLDER_ID) }),
    streamId: t.string({ resolve: (c) => `case-${c.id}` }),
    series: t.field({ type: [CaseSeriesRef], resolve: (c, _a, ctx) => seriesOfCase(ctx.services.readDb, c.id).map((s) => ({ ...s, caseId: c.id })) }),
    canClaim: t.boolean({ resolve: (c, _a, ctx) => canClaimCase(accessFacts(ctx.services.readDb, full(c, ctx)), caseViewer(ctx)) }),
  }),
});

function accessFacts(db: Database.Database, c: CaseRow): CaseAccessFacts {
  const folder = folderById(db, c.folderId ?? UNCLAIMED_FOLDER_ID);
  return { folder: folder ?? { kind: 'unclaimed', ownerId: null }, authorGmc: c.authorGmc };
}

const caseViewer = (ctx: GraphQLContext) => {
  const viewer = viewerOf(ctx);
  return { ...viewer, gmcNumber: userById(ctx.services.readDb, viewer.userId)?.gmcNumber ?? null };
};

/** The case if the viewer may see it, else null. */
export function visibleCase(ctx: GraphQLContext, id: string): CaseRow | null {
  const c = caseById(ctx.services.readDb, id);
  return c && canViewCase(accessFacts(ctx.services.readDb, c), caseViewer(ctx)) ? c : null;
}

builder.queryField('case', (t) =>
  t.field({ type: CaseRef, nullable: true, args: { id: t.arg.id({ required: true }) }, resolve: (_r, args, ctx) => visibleCase(ctx, String(args.id)) }),
);

builder.mutationField('claimCase', (t) =>
  t.field({
    type: CaseRef,
    description: 'Files an unclaimed case into a folder (by default the personal folder of the one claiming it).',
    args: { id: t.arg.id({ required: true }), folderId: t.arg.id({ required: false }) },
    resolve: async (_r, args, ctx) => {
      await claimCase(ctx.services, caseViewer(ctx), String(args.id), args.folderId ? String(args.folderId) : null, commandContext(ctx));
      return caseById(ctx.services.readDb, String(args.id))!;
    },
  }),
);

builder.subscriptionField('caseChanged', (t) =>
  t.field({
    type: CaseRef,
    args: { id: t.arg.id({ required: true }) },
    description: 'The case, each time instances arrive, it is completed, released or claimed.',
    subscribe: (_r, args, ctx) =>
      mapAsync(ctx.services.notices.listen('case'), async (notice) => {
        if (notice.key !== String(args.id)) return null;
        await ctx.services.runner.waitFor(BigInt(notice.position));
        return visibleCase(ctx, notice.key);
      }),
    resolve: (c) => c,
  }),
);

const PageInfoRef = builder.objectRef<CaseConnection['pageInfo']>('PageInfo').implement({
  fields: (t) => ({ hasNextPage: t.exposeBoolean('hasNextPage'), endCursor: t.exposeString('endCursor', { nullable: true }) }),
});

const CaseEdgeRef = builder.objectRef<CaseConnection['edges'][number]>('CaseEdge').implement({
  fields: (t) => ({ cursor: t.exposeString('cursor'), node: t.field({ type: CaseRef, resolve: (e) => e.node }) }),
});

export const CaseConnectionRef = builder.objectRef<CaseConnection>('CaseConnection').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount'),
    pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c.pageInfo }),
    edges: t.field({ type: [CaseEdgeRef], resolve: (c) => c.edges }),
  }),
});

/** A page of the cases filed in a folder, newest first, with an opaque cursor. */
export function casesOfFolder(db: Database.Database, folderId: string, first: number, after: string | null): CaseConnection {
  const limit = Math.min(Math.max(first, 0), 100);
  const afterSeq = after ? Number(Buffer.from(after, 'base64url').toString()) : Number.MAX_SAFE_INTEGER;
  const total = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM folder_cases WHERE folder_id = ?').get(folderId)?.n ?? 0;
  const rows = db
    .prepare<[string, number, number], { seq: number; id: string; title: string }>(
      'SELECT seq, case_id AS id, title FROM folder_cases WHERE folder_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
    )
    .all(folderId, afterSeq, limit + 1);
  const page = rows.slice(0, limit);
  const edges = page.map((r) => ({ cursor: Buffer.from(String(r.seq)).toString('base64url'), node: { id: r.id, title: r.title } }));
  return { totalCount: total, edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
