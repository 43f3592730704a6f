import { canViewFolder } from '../../../domain/folders/permissions';
import { folderStreamId } from '../../../domain/folders/folder';
import { asFolderId } from '../../../domain/shared/ids';
import { folderById, foldersVisibleTo, type FolderRow } from '../../../projections/folders/folders-queries';
import { userById } from '../../../projections/users/users-queries';
import { mapAsync } from '../../live/map-async';
import { createFolder, renameFolder, restrictFolderSenders } from '../../folders/folder-commands';
import { builder, commandContext, viewerOf, type GraphQLContext } from '../builder';
import { CaseConnectionRef, casesOfFolder } from './case';
import { UserRef } from './user';

export const FolderRef = builder.objectRef<FolderRow>('Folder');

const FolderKindEnum = builder.enumType('FolderKind', {
  values: { PERSONAL: { value: 'personal' }, SHARED: { value: 'shared' }, UNCLAIMED: { value: 'unclaimed' } } as const,
});

FolderRef.implement({
  description: 'A folder of teaching cases: a personal folder, a shared folder, or the unclaimed-submissions inbox.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.field({ type: FolderKindEnum, resolve: (f) => f.kind }),
    owner: t.field({ type: UserRef, nullable: true, resolve: (f, _a, ctx) => (f.ownerId ? userById(ctx.services.readDb, f.ownerId) : null) }),
    createdAt: t.exposeString('createdAt'),
    streamId: t.string({ description: 'The event stream of this folder, for `auditTrail`.', resolve: (f) => folderStreamId(asFolderId(f.id)) }),
    allowedSenders: t.stringList({
      nullable: true,
      description: 'GMC numbers of the only senders whose submissions this folder accepts; null: any sender.',
      resolve: (f) => f.allowedSenders,
    }),
    cases: t.field({
      type: CaseConnectionRef,
      args: { first: t.arg.int({ defaultValue: 20 }), after: t.arg.string({ required: false }) },
      resolve: (f, args, ctx) => casesOfFolder(ctx.services.readDb, f.id, args.first ?? 20, args.after ?? null),
    }),
  }),
});

/** The folder if the viewer may see it, else null (not found and not allowed look the same). */
export function visibleFolder(ctx: GraphQLContext, id: string): FolderRow | null {
  const folder = folderById(ctx.services.readDb, id);
  return folder && canViewFolder(folder, viewerOf(ctx)) ? folder : null;
}

builder.queryField('folder', (t) =>
  t.field({ type: FolderRef, nullable: true, args: { id: t.arg.id({ required: true }) }, resolve: (_r, args, ctx) => visibleFolder(ctx, String(args.id)) }),
);

builder.queryField('folders', (t) =>
  t.field({
    type: [FolderRef],
    description: 'The folders the signed-in user can see, the personal folder first.',
    resolve: (_r, _a, ctx) => {
      const viewer = viewerOf(ctx);
      return foldersVisibleTo(ctx.services.readDb, viewer.userId, viewer.isAdmin);
    },
  }),
);

interface FolderChange {
  folder: FolderRow;
  change: string;
}

const FolderChangeRef = builder.objectRef<FolderChange>('FolderChange').implement({
  fields: (t) => ({ folder: t.field({ type: FolderRef, resolve: (c) => c.folder }), change: t.exposeString('change') }),
});

builder.subscriptionField('folderChanged', (t) =>
  t.field({
    type: FolderChangeRef,
    description: 'Changes to folders the signed-in user can see (created, renamed, a case added …), as they happen.',
    subscribe: (_root, _args, ctx) =>
      mapAsync(ctx.services.notices.listen('folder'), async (notice) => {
        await ctx.services.runner.waitFor(BigInt(notice.position));
        const folder = visibleFolder(ctx, notice.key);
        return folder ? { folder, change: notice.change } : null;
      }),
    resolve: (change) => change,
  }),
);

builder.mutationField('createFolder', (t) =>
  t.field({
    type: FolderRef,
    description: 'Creates a folder owned by the signed-in user.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = await createFolder(ctx.services, viewerOf(ctx), args.name, commandContext(ctx));
      return folderById(ctx.services.readDb, id)!;
    },
  }),
);

builder.mutationField('renameFolder', (t) =>
  t.field({
    type: FolderRef,
    description: 'Renames a folder the signed-in user owns.',
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      await renameFolder(ctx.services, viewerOf(ctx), String(args.id), args.name, commandContext(ctx));
      return folderById(ctx.services.readDb, String(args.id))!;
    },
  }),
);

builder.mutationField('restrictFolderSenders', (t) =>
  t.field({
    type: FolderRef,
    description: 'Accept submissions into a folder you own only from these GMC numbers (null: from anyone). Others go to Unclaimed submissions.',
    args: { id: t.arg.id({ required: true }), gmcNumbers: t.arg.stringList({ required: false }) },
    resolve: async (_r, args, ctx) => {
      await restrictFolderSenders(ctx.services, viewerOf(ctx), String(args.id), args.gmcNumbers ?? null, commandContext(ctx));
      return folderById(ctx.services.readDb, String(args.id))!;
    },
  }),
);
