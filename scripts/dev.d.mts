/** Types for scripts/dev.mjs (imported by the TypeScript screenshot script). */
import type { CodeServerFolders, RunningCodeServer } from './code-server-launcher.mjs';

export interface DevSession {
  /** The workbench URL with the sample workspace open. */
  url: string;
  workspace: string;
  folders: CodeServerFolders;
  server: RunningCodeServer;
  stop(): Promise<void>;
}
export declare function startDev(options: {
  port: number;
  real?: boolean;
  /** Profile, workspace copy and log go here (default .dev/). */
  root?: string;
}): Promise<DevSession>;
