// A staff member's browser for admin tests: a real account, a real sign-in through /admin/login,
// the session and CSRF cookies kept between requests, and the CSRF token sent with every form.
import type { LightMyRequestResponse } from 'fastify';
import type { Role, User } from '../../src/domain/user.js';

/** The few fields a test's staff member is created with; the id is filled in at sign-in. */
export type StaffUser = Pick<User, 'id' | 'email' | 'name' | 'role'>;
import { createTestWeb, type TestWeb } from './web.js';

/** The whole web app as served (auth, admin, public), with a small upload limit when asked. */
export function createAdminTestWeb(options: { uploadMaxBytes?: number; idleTimeoutMs?: number } = {}): Promise<TestWeb> {
  return createTestWeb('sqlite', options);
}

const PASSWORD = 'correct horse battery staple';

/** The admin's workflow step endpoints, whose forms carry the edition version they were shown. */
const WORKFLOW_STEP = /^\/admin\/releases\/(\d+)\/(?:submit|approve|reject|schedule|unschedule|publish|correct|withdraw|recall|assign)$/;

export type FormFields = Record<string, string | string[]>;

/** A signed-in staff member's browser: keeps the CSRF cookie and sends the token with forms. */
export class StaffBrowser {
  private cookies = new Map<string, string>();
  private token = '';
  private signedIn: Promise<void> | null = null;
  constructor(
    private readonly web: TestWeb,
    readonly user: StaffUser,
  ) {}

  private get app() {
    return this.web.app;
  }

  /** Creates the account and signs in once, through the login form like a person. */
  private session(): Promise<void> {
    this.signedIn ??= (async () => {
      const created = await this.web.system.accounts.createUser({ email: this.user.email, name: this.user.name, role: this.user.role, password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
      this.user.id = created.id;
      this.remember(await this.app.inject({ method: 'GET', url: '/admin/login', headers: this.headers() }));
      const body = new URLSearchParams({ _csrf: this.token, email: this.user.email, password: PASSWORD }).toString();
      const res = this.remember(await this.app.inject({ method: 'POST', url: '/admin/login', payload: body, headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }) }));
      if (res.statusCode !== 303) throw new Error(`sign-in failed for ${this.user.email}: ${res.statusCode}`);
      this.token = '';
    })();
    return this.signedIn;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const m = /^([^=;]+)=([^;]*)/.exec(c);
      if (!m) continue;
      if (m[2] === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(m[1]!);
      else this.cookies.set(m[1]!, m[2]!);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.token = token.replace(/&amp;/g, '&');
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    await this.session();
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.headers() }));
  }

  private async ensureToken(): Promise<string> {
    if (!this.token) await this.get('/admin');
    return this.token;
  }

  /**
   * The hidden fields a workflow step's form carries (the edition number and version it shows), as a
   * person gets them: by opening the release's page just now. When the page offers no such form (a
   * test of a refused step), the edition as it now is.
   */
  private async seenEdition(url: string): Promise<FormFields> {
    const releaseId = Number(WORKFLOW_STEP.exec(url)?.[1]);
    const page = await this.get(`/admin/releases/${releaseId}`);
    const form = new RegExp(`<form method="post" action="${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">([\\s\\S]*?)</form>`).exec(page.body)?.[1];
    const hidden = (name: string) => (form ? new RegExp(`name="${name}" value="(\\d+)"`).exec(form)?.[1] : undefined);
    const edition = hidden('edition');
    const version = hidden('version');
    if (edition && version) return { edition, version };
    const current = await this.web.system.editions.latestEdition(releaseId);
    return current ? { edition: String(current.editionNo), version: String(current.lockVersion) } : {};
  }

  /**
   * Posts a urlencoded form with the CSRF token (unless `csrf: false`). A workflow step
   * (/admin/releases/:id/<step>) sent without `version` carries the one its page shows now, as the
   * browser's form would (`seen: false` sends none).
   */
  async post(url: string, fields: FormFields = {}, options: { csrf?: boolean; headers?: Record<string, string>; seen?: boolean } = {}): Promise<LightMyRequestResponse> {
    await this.session();
    if (WORKFLOW_STEP.test(url) && fields.version === undefined && options.seen !== false) fields = { ...(await this.seenEdition(url)), ...fields };
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append('_csrf', await this.ensureToken());
    for (const [k, v] of Object.entries(fields)) for (const value of ([] as string[]).concat(v)) body.append(k, value);
    const res = await this.app.inject({ method: 'POST', url, payload: body.toString(), headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...options.headers }) });
    return this.remember(res);
  }

  /** The signed-in browser's cookie header and CSRF token, for requests made outside inject (a real socket). */
  async credentials(): Promise<{ cookie: string; csrfToken: string }> {
    await this.session();
    const csrfToken = await this.ensureToken();
    return { cookie: this.headers().cookie ?? '', csrfToken };
  }

  /** Posts a raw body (well-formed or not) to an upload URL, with the CSRF token in the query as the form does. */
  async postRaw(url: string, payload: Buffer | string, contentType: string): Promise<LightMyRequestResponse> {
    const { csrfToken } = await this.credentials();
    const sep = url.includes('?') ? '&' : '?';
    const res = await this.app.inject({ method: 'POST', url: `${url}${sep}_csrf=${encodeURIComponent(csrfToken)}`, payload, headers: this.headers({ 'content-type': contentType }) });
    return this.remember(res);
  }

  /** Posts files as a browser does for `<input type=file multiple>`; the token goes in the query. */
  async upload(url: string, files: { name: string; bytes: Uint8Array; type?: string }[], fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const boundary = '----pressroomtest' + Math.random().toString(16).slice(2);
    const chunks: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    for (const f of files) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
      chunks.push(Buffer.from(f.bytes), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    await this.session();
    const token = await this.ensureToken();
    const res = await this.app.inject({
      method: 'POST',
      url: `${url}?_csrf=${encodeURIComponent(token)}`,
      payload: Buffer.concat(chunks),
      headers: this.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    });
    return this.remember(res);
  }
}

let userSeq = 100;
/** A staff member with a unique email; the id is filled in when the account is created. */
export function staffUser(role: Role, name = `${role} ${userSeq + 1}`): StaffUser {
  userSeq += 1;
  return { id: 0, email: `${role}${userSeq}@press.example`, name, role };
}
