/** The per-window discovery file (written by the extension, read by the server; see discover-bridge.ts). */
import { z } from 'zod';

export const discoveryFileSchema = z.object({
  socketPath: z.string().min(1),
  token: z.string().min(1),
  pid: z.number().int(),
  workspaceFolders: z.array(z.string()),
  writtenAt: z.number(),
});
export type DiscoveryFile = z.infer<typeof discoveryFileSchema>;
