#!/usr/bin/env node
// Runs the TypeScript CLI directly (Node 20 cannot strip types; tsx registers a loader).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main();
