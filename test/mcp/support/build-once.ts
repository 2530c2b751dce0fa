/** Builds the bundles once per mocha process (the spawned-server tests run dist/mcp-server.js). */
import { resolve } from 'node:path';
import { buildBundlesOnce, ROOT } from '../../support/build-bundles-once';

export { ROOT };
export const SERVER_PATH = resolve(ROOT, 'dist/mcp-server.js');
export const buildOnce = buildBundlesOnce;
