import { personalFolderOf } from '../../../projections/folders/folders-queries';
import { userById, type UserRow } from '../../../projections/users/users-queries';
import { builder, viewerOf } from '../builder';
import { FolderRef } from './folder';

export const UserRef = builder.objectRef<UserRow>('User');

UserRef.implement({
  description: 'A Lightbox account. After erasure (GDPR) its personal fields are null and `erased` is true.',
  fields: (t) => ({
    id: t.exposeID('id'),
    displayName: t.string({ resolve: (u) => (u.erased ? 'Erased user' : (u.displayName ?? '')) }),
    email: t.string({
      nullable: true,
      description: 'Visible to the person themself and to admins only.',
      resolve: (u, _args, ctx) => (ctx.viewer && (ctx.viewer.userId === u.id || ctx.viewer.isAdmin) ? u.email : null),
    }),
    gmcNumber: t.exposeString('gmcNumber', { nullable: true }),
    isAdmin: t.exposeBoolean('isAdmin'),
    erased: t.exposeBoolean('erased'),
    personalFolder: t.field({
      type: FolderRef,
      nullable: true,
      resolve: (u, _args, ctx) => (ctx.viewer?.userId === u.id ? personalFolderOf(ctx.services.readDb, u.id) : null),
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    description: 'The signed-in user.',
    resolve: (_root, _args, ctx) => {
      const user = userById(ctx.services.readDb, viewerOf(ctx).userId);
      if (!user) throw new Error('signed-in user missing from the read model');
      return user;
    },
  }),
);
