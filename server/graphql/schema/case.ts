import type Database from 'better-sqlite3';
import { builder } from '../builder';

export interface CaseSummary {
  id: string;
  title: string;
}

interface CaseConnection {
  totalCount: number;
  edges: { cursor: string; node: CaseSummary }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const CaseRef = builder.objectRef<CaseSummary>('Case').implement({
  fields: (t) => ({ id: t.exposeID('id'), title: t.exposeString('title') }),
});

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
