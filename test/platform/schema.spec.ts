import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../server/graphql/schema';

/** Root fields anyone may call: everything else needs a signed-in user (deny by default). */
const PUBLIC_FIELDS = new Set(['Mutation.signIn', 'Query.signInOptions']);

describe('GraphQL schema', () => {
  it('requires a signed-in user on every root field except the public ones', () => {
    for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const field of Object.values(type!.getFields())) {
        const name = `${type!.name}.${field.name}`;
        const config = field.extensions?.pothosOptions as { skipTypeScopes?: boolean } | undefined;
        expect(config?.skipTypeScopes === true, `${name} skips the signed-in requirement`).toBe(PUBLIC_FIELDS.has(name));
      }
    }
  });

  it('matches client/schema.graphql (run "npm run schema" after changing the API)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../client/schema.graphql'), 'utf8');
    expect(committed.trim()).toBe(printSchema(schema).trim());
  });
});
