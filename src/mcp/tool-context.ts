/** What every tool module receives: the council and how to describe the calling client. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CouncilService } from '../shared/council-service';
import type { ToolName } from './tool-profile';

export interface ToolContext {
  council: CouncilService;
  server: McpServer;
  /** 'bridge' (runs in the editor) or 'standalone' (keys from this process's environment). */
  mode: 'bridge' | 'standalone';
  /** The tools this server lists, where a tool may leave shared fields to another (input-schemas.ts `sharedFields`). */
  listed?: ReadonlySet<ToolName>;
}
