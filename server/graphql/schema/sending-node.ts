import { allSendingNodes, sendingNodeById, type SendingNodeRow } from '../../../projections/nodes/nodes-queries';
import { builder, commandContext } from '../builder';

const SendingNodeRef = builder.objectRef<SendingNodeRow>('SendingNode').implement({
  description: 'A registered sender: a hospital PACS or Export Manager.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    aeTitle: t.exposeString('aeTitle'),
    host: t.exposeString('host'),
    enabled: t.exposeBoolean('enabled'),
    registeredAt: t.exposeString('registeredAt'),
  }),
});

const AddedNodeRef = builder.objectRef<{ node: SendingNodeRow; stowToken: string }>('AddedSendingNode').implement({
  fields: (t) => ({
    node: t.field({ type: SendingNodeRef, resolve: (a) => a.node }),
    stowToken: t.exposeString('stowToken', { description: 'Shown once: the bearer token for STOW-RS from this node.' }),
  }),
});

const admin = { admin: true } as const;

builder.queryField('sendingNodes', (t) => t.field({ type: [SendingNodeRef], authScopes: admin, resolve: (_r, _a, ctx) => allSendingNodes(ctx.services.readDb) }));

builder.mutationField('addSendingNode', (t) =>
  t.field({
    type: AddedNodeRef,
    authScopes: admin,
    args: { name: t.arg.string({ required: true }), aeTitle: t.arg.string({ required: true }), host: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { nodeId, token } = await ctx.services.nodes.register(args, commandContext(ctx));
      return { node: sendingNodeById(ctx.services.readDb, nodeId)!, stowToken: token };
    },
  }),
);

builder.mutationField('setSendingNodeEnabled', (t) =>
  t.field({
    type: SendingNodeRef,
    authScopes: admin,
    args: { id: t.arg.id({ required: true }), enabled: t.arg.boolean({ required: true }) },
    resolve: async (_r, args, ctx) => {
      await ctx.services.nodes.setEnabled(String(args.id), args.enabled, commandContext(ctx));
      return sendingNodeById(ctx.services.readDb, String(args.id))!;
    },
  }),
);

builder.mutationField('removeSendingNode', (t) =>
  t.boolean({
    authScopes: admin,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      await ctx.services.nodes.remove(String(args.id), commandContext(ctx));
      return true;
    },
  }),
);
