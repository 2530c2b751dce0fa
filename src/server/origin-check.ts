/**
 * Origin validation against DNS rebinding (the Streamable HTTP transport's security warning):
 * a browser page may reach a server on 127.0.0.1, so a request carrying an Origin is served only
 * when that origin is local or explicitly allowed. Clients outside a browser send no Origin.
 */
export const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}
