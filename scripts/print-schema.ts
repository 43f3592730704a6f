import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../server/graphql/schema';

/** Writes the GraphQL schema the server serves to client/schema.graphql (the client's contract). */
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/schema.graphql');
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`wrote ${target}`);
