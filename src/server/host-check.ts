/**
 * Host validation against DNS rebinding, beside the Origin check (origin-check.ts): a page on
 * evil.example whose name resolves to 127.0.0.1 reaches this server with `Host: evil.example`.
 * A request is served only when its Host names this machine locally, the address the server is
 * bound to, or a name given with --allowed-host (the public name behind a reverse proxy that
 * forwards Host unchanged).
 */
import { LOCAL_HOSTS } from './origin-check';

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** The host name of a Host header without its port, lower-cased; undefined when malformed. */
function hostName(header: string): string | undefined {
  try {
    return new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function hostAllowed(
  header: string | undefined,
  bindHost: string,
  allowed: readonly string[],
): boolean {
  // HTTP/1.1 clients always send Host; a browser cannot leave it out.
  if (header === undefined) return true;
  const name = hostName(header);
  if (name === undefined) return false;
  if (LOCAL_HOSTS.has(name)) return true;
  const bound = bindHost.toLowerCase();
  if (!WILDCARD_BINDS.has(bound) && (hostName(bound) ?? bound) === name) return true;
  return allowed.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === header.toLowerCase() || wanted === name;
  });
}
