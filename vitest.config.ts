import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,server,projections,migrations,test}/**/*.spec.ts'],
    exclude: ['node_modules/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
