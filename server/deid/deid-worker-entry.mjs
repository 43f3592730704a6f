import { register } from 'tsx/esm/api';

register();
await import('./deid-worker.ts');
