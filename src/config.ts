import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_UPLOAD_MAX_BYTES } from './app/upload-checks.js';
import { LICENCES, type Licence } from './domain/licence.js';
import { DEFAULT_TIME_ZONE } from './domain/zoned-time.js';
import type { TrustProxy } from './web/trust-proxy.js';

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Asia/Seoul or Europe/London');

/** An IPv4 or IPv6 address, a CIDR range of either, or one of proxy-addr's names for private ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** 0 (no proxy), a number of proxy hops (`true` is the old flag: one hop), or proxy addresses and CIDR ranges. */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') return { hops: 1 };
    if (/^\d+$/.test(value) && Number(value) <= 10) return { hops: Number(value) };
    const addresses = value.split(',').map((entry) => entry.trim());
    if (addresses.every(isProxyAddress)) return { addresses };
    ctx.addIssue({
      code: 'custom',
      message: '0 (no proxy), the number of reverse proxies in front of Pressroom (1 to 10), or a comma-separated list of their addresses or CIDR ranges, such as 10.0.0.5,192.168.10.0/24',
    });
    return z.NEVER;
  });

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Every setting read from the environment: name, meaning and allowed values live here only. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PRESSROOM_DATA: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'postgres://user@host:port/db, or sqlite:PATH')
    .optional(),
  PRESSROOM_SITE_NAME: z.string().trim().min(1).max(120).default('Pressroom'),
  PRESSROOM_TIME_ZONE: timeZone.default(DEFAULT_TIME_ZONE),
  PRESSROOM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  PRESSROOM_DEMO: flag.default(true),
  PRESSROOM_REQUIRE_TOTP: flag.default(false),
  PRESSROOM_ALLOW_SELF_APPROVAL: flag.default(false),
  PRESSROOM_TRUST_PROXY: trustProxy.default(false),
  PRESSROOM_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(2048).default(DEFAULT_UPLOAD_MAX_BYTES / (1024 * 1024)),
  PRESSROOM_UPLOAD_TYPES: z
    .string()
    .regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+(,[a-z0-9.+-]+\/[a-z0-9.+-]+)*$/, 'a comma-separated list of MIME types, e.g. application/pdf,image/jpeg')
    .optional(),
  PRESSROOM_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'smtp://user:password@host:587 or smtps://user:password@host:465' }).optional(),
  PRESSROOM_MAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'an address such as press@mnd.example or "Press Office <press@mnd.example>"')
    .optional(),
  PRESSROOM_DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as 07:00').default('07:00'),
  // The ministry's footer, licence, statements and favicon (#17).
  PRESSROOM_CONTACT_ADDRESS: z.string().trim().min(1).max(200).optional(),
  PRESSROOM_CONTACT_PHONE: z.string().trim().regex(/^\+?[\d ()-]{3,30}$/, 'a phone number such as 044-123-4567 or +82 44 123 4567').optional(),
  PRESSROOM_CONTACT_EMAIL: z.email('an e-mail address such as press@example.go.kr').optional(),
  PRESSROOM_LICENCE: z.enum(LICENCES, `one of ${LICENCES.join(', ')}`).default('kogl-1'),
  PRESSROOM_PRIVACY_URL: z.url({ protocol: /^https?$/ }).optional(),
  PRESSROOM_ACCESSIBILITY_URL: z.url({ protocol: /^https?$/ }).optional(),
  PRESSROOM_FAVICON: z
    .string()
    .regex(/\.(svg|png|ico)$/i, 'the path of an .svg, .png or .ico file')
    .refine((path) => existsSync(resolve(path)), 'no such file')
    .optional(),
  // A CDN or Varnish in front (#18): lifetimes in seconds, and where purges go (docs/caching.md).
  PRESSROOM_CDN_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(0),
  PRESSROOM_CDN_S_MAXAGE: z.coerce.number().int().min(0).max(86_400).default(300),
  PRESSROOM_CDN_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).max(86_400).default(30),
  PRESSROOM_CDN_PURGE_URL: z.url({ protocol: /^https?$/, error: 'the URL purges are sent to, such as http://127.0.0.1:6081/' }).optional(),
  // Object storage (#18): files in an S3-compatible bucket instead of PRESSROOM_DATA/files.
  PRESSROOM_S3_URL: z.url({ protocol: /^https?$/, error: 'the S3 endpoint, such as http://127.0.0.1:9000 or https://s3.ap-northeast-2.amazonaws.com' }).optional(),
  PRESSROOM_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens')
    .optional(),
  PRESSROOM_S3_REGION: z.string().regex(/^[a-z0-9-]+$/, 'a region such as us-east-1 or ap-northeast-2').default('us-east-1'),
  PRESSROOM_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  PRESSROOM_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  PRESSROOM_S3_FORCE_PATH_STYLE: flag.optional(),
  // Prometheus metrics at /metrics (#18): off unless a token is set (then required) or PRESSROOM_METRICS=open.
  PRESSROOM_METRICS: z.enum(['off', 'open'], 'off (default) or open (no token asked: only on a private network)').default('off'),
  PRESSROOM_METRICS_TOKEN: z.string().trim().min(16, 'at least 16 characters, e.g. the output of openssl rand -hex 32').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).superRefine((e, ctx) => {
  if (e.PRESSROOM_S3_URL && !e.PRESSROOM_S3_BUCKET) ctx.addIssue({ code: 'custom', path: ['PRESSROOM_S3_BUCKET'], message: 'required when PRESSROOM_S3_URL is set: the bucket that holds the files' });
  if (!e.PRESSROOM_S3_ACCESS_KEY_ID !== !e.PRESSROOM_S3_SECRET_ACCESS_KEY) {
    const missing = e.PRESSROOM_S3_ACCESS_KEY_ID ? 'PRESSROOM_S3_SECRET_ACCESS_KEY' : 'PRESSROOM_S3_ACCESS_KEY_ID';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'set both PRESSROOM_S3_ACCESS_KEY_ID and PRESSROOM_S3_SECRET_ACCESS_KEY, or neither (the AWS default credentials: environment, profile, instance role)' });
  }
});

/** An S3-compatible bucket holding the files instead of the data directory (docs/storage.md). */
export type ObjectStorageSettings = Readonly<{
  /** Null: AWS's own endpoint for the region. */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** Null (both): the AWS SDK's default credential chain. */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** Bucket in the path (MinIO, s3rver, most self-hosted servers) instead of the host name. */
  forcePathStyle: boolean;
}>;

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  siteName: string;
  timeZone: string;
  baseUrl: string;
  demo: boolean;
  requireTotp: boolean;
  allowSelfApproval: boolean;
  uploadMaxBytes: number;
  /** Behind reverse proxies: which may name the client in X-Forwarded-For (see docs/operations.md). */
  trustProxy: TrustProxy;
  /** Allowed upload types; the built-in list when not set. */
  uploadTypes: readonly string[] | null;
  logLevel: string;
  /** Files in an S3-compatible bucket (#18), or null: on local disk under dataDir/files. */
  objectStorage: ObjectStorageSettings | null;
  /** /metrics (docs/operations.md): null when off; `token: null` when open to anyone who reaches the port. */
  metrics: Readonly<{ token: string | null }> | null;
  /** Email (#14): the SMTP server, or null to hold every email in the outbox (/admin/outbox). */
  smtpUrl: string | null;
  mailFrom: string;
  /** When daily and weekly (Monday) digests go out, HH:MM in `timeZone`. */
  digestTime: string;
  /** A shared cache in front: lifetimes of public responses (seconds) and the purge URL (null: no purges). */
  cdn: Readonly<{ maxAge: number; sMaxAge: number; staleWhileRevalidate: number; purgeUrl: string | null }>;
  /** The ministry's details for the public footer and structured data. */
  site: Readonly<{
    contact: { address: string | null; phone: string | null; email: string | null };
    licence: Licence;
    privacyUrl: string | null;
    accessibilityUrl: string | null;
    /** An absolute path to the favicon file; null: the built-in one. */
    favicon: string | null;
  }>;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Pressroom cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the environment once, reports every problem at once, and returns a frozen Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // The SMTP and purge URLs, the S3 secret and the metrics token are secrets: never echo them.
    const shown = (key: string) => (['PRESSROOM_SMTP_URL', 'PRESSROOM_CDN_PURGE_URL', 'PRESSROOM_S3_SECRET_ACCESS_KEY', 'PRESSROOM_METRICS_TOKEN'].includes(key) ? '(hidden)' : JSON.stringify(env[key] ?? ''));
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}=${shown(String(i.path[0]))}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.PRESSROOM_DATA);
  const database: Config['database'] = e.DATABASE_URL?.startsWith('postgres')
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'sqlite', file: e.DATABASE_URL ? resolve(e.DATABASE_URL.slice('sqlite:'.length)) : resolve(dataDir, 'pressroom.sqlite') };
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: Object.freeze(database),
    siteName: e.PRESSROOM_SITE_NAME,
    timeZone: e.PRESSROOM_TIME_ZONE,
    baseUrl: (e.PRESSROOM_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    demo: e.PRESSROOM_DEMO,
    requireTotp: e.PRESSROOM_REQUIRE_TOTP,
    allowSelfApproval: e.PRESSROOM_ALLOW_SELF_APPROVAL,
    uploadMaxBytes: e.PRESSROOM_UPLOAD_MAX_MB * 1024 * 1024,
    trustProxy: e.PRESSROOM_TRUST_PROXY === false ? false : Object.freeze(e.PRESSROOM_TRUST_PROXY),
    uploadTypes: e.PRESSROOM_UPLOAD_TYPES ? Object.freeze(e.PRESSROOM_UPLOAD_TYPES.split(',')) : null,
    logLevel: e.LOG_LEVEL,
    objectStorage: e.PRESSROOM_S3_BUCKET
      ? Object.freeze({
          endpoint: e.PRESSROOM_S3_URL ?? null,
          bucket: e.PRESSROOM_S3_BUCKET,
          region: e.PRESSROOM_S3_REGION,
          accessKeyId: e.PRESSROOM_S3_ACCESS_KEY_ID ?? null,
          secretAccessKey: e.PRESSROOM_S3_SECRET_ACCESS_KEY ?? null,
          forcePathStyle: e.PRESSROOM_S3_FORCE_PATH_STYLE ?? e.PRESSROOM_S3_URL !== undefined,
        })
      : null,
    metrics: e.PRESSROOM_METRICS_TOKEN ? Object.freeze({ token: e.PRESSROOM_METRICS_TOKEN }) : e.PRESSROOM_METRICS === 'open' ? Object.freeze({ token: null }) : null,
    smtpUrl: e.PRESSROOM_SMTP_URL ?? null,
    mailFrom: e.PRESSROOM_MAIL_FROM ?? `${e.PRESSROOM_SITE_NAME} <pressroom@${new URL(e.PRESSROOM_BASE_URL ?? 'http://localhost').hostname}>`,
    digestTime: e.PRESSROOM_DIGEST_TIME,
    cdn: Object.freeze({ maxAge: e.PRESSROOM_CDN_MAX_AGE, sMaxAge: e.PRESSROOM_CDN_S_MAXAGE, staleWhileRevalidate: e.PRESSROOM_CDN_STALE_WHILE_REVALIDATE, purgeUrl: e.PRESSROOM_CDN_PURGE_URL ?? null }),
    site: Object.freeze({
      contact: Object.freeze({ address: e.PRESSROOM_CONTACT_ADDRESS ?? null, phone: e.PRESSROOM_CONTACT_PHONE ?? null, email: e.PRESSROOM_CONTACT_EMAIL ?? null }),
      licence: e.PRESSROOM_LICENCE,
      privacyUrl: e.PRESSROOM_PRIVACY_URL ?? null,
      accessibilityUrl: e.PRESSROOM_ACCESSIBILITY_URL ?? null,
      favicon: e.PRESSROOM_FAVICON ? resolve(e.PRESSROOM_FAVICON) : null,
    }),
  });
}
