import { userById, type UserRow } from '../../../projections/users/users-queries';
import { sessionCookie, clearedSessionCookie } from '../../http/session-cookie';
import { builder, commandContext, viewerOf } from '../builder';
import { UserRef } from './user';

interface SignInPayload {
  token: string;
  user: UserRow;
}

const SignInPayloadRef = builder.objectRef<SignInPayload>('SignInPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Bearer token for the Authorization header of API clients.' }),
    user: t.field({ type: UserRef, resolve: (p) => p.user }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: SignInPayloadRef,
    skipTypeScopes: true,
    description: 'Signs in with email and password. Returns a bearer token and sets an HttpOnly session cookie for browsers.',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const signedIn = await ctx.services.accounts.signIn(args.email, args.password, commandContext(ctx));
      ctx.res?.setHeader('Set-Cookie', sessionCookie(signedIn.token, signedIn.expiresAt, ctx.services.config.publicUrl));
      return { token: signedIn.token, user: userById(ctx.services.readDb, signedIn.userId)! };
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: 'Ends the current session: its token stops working at once.',
    resolve: async (_r, _a, ctx) => {
      await ctx.services.accounts.signOut(viewerOf(ctx), commandContext(ctx));
      ctx.res?.setHeader('Set-Cookie', clearedSessionCookie(ctx.services.config.publicUrl));
      return true;
    },
  }),
);

const SignInOptionsRef = builder.objectRef<{ oidc: boolean }>('SignInOptions').implement({
  fields: (t) => ({
    oidc: t.exposeBoolean('oidc', { description: 'Whether "Sign in with your hospital account" (OpenID Connect) is available, at /auth/oidc/login.' }),
  }),
});

builder.queryField('signInOptions', (t) =>
  t.field({ type: SignInOptionsRef, skipTypeScopes: true, resolve: (_r, _a, ctx) => ({ oidc: ctx.services.config.oidc !== null }) }),
);
