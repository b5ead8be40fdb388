import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^logN, block size r, parallelism p. Stored with every hash. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1): about 0.6 s and 128 MiB a hash on these machines. */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  // Node refuses more than 32 MiB by default; scrypt needs 128 * N * r bytes plus a little.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Timing-safe; false for a malformed stored hash rather than an error. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Checks a password against nothing in the same time as a real check, for unknown accounts. */
  verifyAgainstNothing(password: string): Promise<false>;
  /** Whether a stored string is a password hash at all (imported accounts hold a marker no password matches). */
  isHash(stored: string): boolean;
}

/**
 * Password hashing with node's scrypt: a random 16-byte salt per hash, and the cost parameters kept
 * in the stored string ("scrypt$ln=15,r=8,p=1$salt$hash") so they can be raised later.
 */
export function makePasswordHasher(params: ScryptParams = DEFAULT_SCRYPT): PasswordHasher {
  let dummy: Promise<string> | null = null;
  const hasher: PasswordHasher = {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, params);
      return `scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verify(password, stored) {
      const m = FORMAT.exec(stored);
      if (!m) return false;
      const storedParams = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
      if (storedParams.logN < 1 || storedParams.logN > 20 || storedParams.r > 32 || storedParams.r < 1 || storedParams.p < 1) return false;
      const expected = Buffer.from(m[5]!, 'base64');
      const actual = await derive(password, Buffer.from(m[4]!, 'base64'), storedParams);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
    isHash: (stored) => FORMAT.test(stored),
    async verifyAgainstNothing(password) {
      dummy ??= hasher.hash('not a real password');
      await hasher.verify(password, await dummy);
      return false;
    },
  };
  return hasher;
}
