/** Types for scripts/code-server-launcher.mjs (imported by the TypeScript e2e harness). */
import type { ChildProcess } from 'node:child_process';

export interface CodeServerBinaries {
  nodeBin: string;
  codeServerBin: string;
}
export interface CodeServerFolders {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  home: string;
  configFile: string;
}
export interface RunningCodeServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}
export declare const PROJECT_ROOT: string;
export declare const VSIX_PATH: string;
export declare const EXTENSION_ID: string;
export declare function packageExtension(): Promise<string>;
export declare function freePort(): Promise<number>;
export declare function codeServerFolders(root: string): CodeServerFolders;
export declare function installExtension(
  codeServer: CodeServerBinaries,
  folders: CodeServerFolders,
  vsixPath: string,
): Promise<string>;
export declare function writeUserSettings(
  folders: CodeServerFolders,
  settings: Record<string, unknown>,
): void;
export declare function startCodeServer(
  codeServer: CodeServerBinaries,
  folders: CodeServerFolders,
  options: { port: number; folder: string; logFile?: string },
): Promise<RunningCodeServer>;
export declare function stopProcessGroup(child: ChildProcess, graceMs?: number): Promise<void>;
