import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { SecretStore } from '../../ports/distribution.js';

export type LinkPurpose = 'confirm' | 'manage' | 'unsubscribe';
const PREFIX: Record<LinkPurpose, string> = { confirm: 'c', manage: 'm', unsubscribe: 'u' };

export type TokenCheck = { ok: true; subscriptionId: number } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Signed subscription links (no password, nothing stored per link): "c12.0.<sig>" names the
 * purpose, the subscription and an expiry (base 36 seconds, 0 for none), signed with HMAC-SHA256
 * under a key kept in the database so every server process accepts every other's links. A link
 * for another purpose, another subscription or with one character changed fails the check.
 */
export function makeLinkTokens(deps: { secrets: SecretStore; clock: Clock }) {
  let key: Promise<Buffer> | null = null;
  const keyOf = () => {
    key ??= deps.secrets.getOrCreate('subscription_links', () => randomBytes(32).toString('base64url'), deps.clock.now()).then((v) => Buffer.from(v, 'base64url'));
    // A failed read is not remembered, so the next request tries again.
    key.catch(() => (key = null));
    return key;
  };
  const mac = async (body: string) => createHmac('sha256', await keyOf()).update(body).digest('base64url').slice(0, 32);

  return {
    /**
     * Reads (or creates) the key now. Call before a transaction that signs: on SQLite a read
     * outside the transaction would wait for it to end, forever.
     */
    async ready(): Promise<void> {
      await keyOf();
    },
    /** A token for one purpose and subscription, valid until `expiresAt` (or for good when null). */
    async sign(purpose: LinkPurpose, subscriptionId: number, expiresAt: Date | null): Promise<string> {
      const body = `${PREFIX[purpose]}${subscriptionId}.${expiresAt ? Math.ceil(expiresAt.getTime() / 1000).toString(36) : '0'}`;
      return `${body}.${await mac(body)}`;
    },
    /** Checks a token for a purpose: forged, altered and other-purpose tokens are `invalid`. */
    async verify(token: string, purpose: LinkPurpose): Promise<TokenCheck> {
      const m = /^([cmu])(\d{1,10})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token);
      if (!m || m[1] !== PREFIX[purpose]) return { ok: false, reason: 'invalid' };
      const expected = Buffer.from(await mac(`${m[1]}${m[2]}.${m[3]}`));
      const given = Buffer.from(m[4]!);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
      const expires = parseInt(m[3]!, 36) * 1000;
      if (expires !== 0 && expires < deps.clock.now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, subscriptionId: Number(m[2]) };
    },
  };
}
export type LinkTokens = ReturnType<typeof makeLinkTokens>;
