/**
 * The bridge's tokens: one for the window's lifetime (the 0600 discovery file), one-time
 * tokens minted per launch, and one-time reconnect tokens handed out in each welcome. Only
 * digests are kept; an offered token is compared with every valid one in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** How long a reconnect token stays valid: a server outliving a short outage can come back. */
const RECONNECT_LIFETIME_MS = 24 * 60 * 60_000;

export class BridgeTokens {
  readonly windowToken = newToken();
  private readonly windowDigest = digest(this.windowToken);
  /** digest hex -> expiry (ms since the epoch). */
  private readonly oneTime = new Map<string, number>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token for exactly one connection (VS Code's resolveMcpServerDefinition mints one per launch). */
  mintOneTime(lifetimeMs: number = this.lifetimeMs): string {
    const token = newToken();
    this.oneTime.set(digest(token).toString('hex'), this.now() + lifetimeMs);
    return token;
  }

  /** For a welcome frame: lets this connection's server come back once if the socket drops. */
  mintReconnect(): string {
    return this.mintOneTime(RECONNECT_LIFETIME_MS);
  }

  /** True for the window token or a valid one-time token (which is used up). */
  accept(token: string): boolean {
    const offered = digest(token);
    // Compare against every valid token, in constant time each, without early exit.
    let ok = timingSafeEqual(offered, this.windowDigest);
    const now = this.now();
    for (const [hex, expiry] of this.oneTime) {
      if (expiry < now) {
        this.oneTime.delete(hex);
        continue;
      }
      if (timingSafeEqual(offered, Buffer.from(hex, 'hex'))) {
        this.oneTime.delete(hex);
        ok = true;
      }
    }
    return ok;
  }
}
