// A staff member's browser over a real socket (fetch), for tests against server processes: signs in
// through /admin/login, keeps the cookies, and sends the CSRF token with forms and uploads, as
// test/support/admin-web.ts does in-process with inject.

export interface RemoteResponse {
  status: number;
  location: string | null;
  body: string;
}

/** A signed-in browser against one origin (a server, or nginx in front of several). */
export class RemoteStaff {
  private cookies = new Map<string, string>();
  private token = '';

  constructor(
    private readonly origin: string,
    readonly email: string,
    private readonly password: string,
  ) {}

  private async request(path: string, init: { method?: string; body?: string | Blob; contentType?: string } = {}): Promise<RemoteResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.contentType) headers['content-type'] = init.contentType;
    const response = await fetch(this.origin + path, { method: init.method ?? 'GET', headers, body: init.body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const m = /^([^=;]+)=([^;]*)/.exec(line);
      if (!m) continue;
      if (m[2] === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(m[1]!);
      else this.cookies.set(m[1]!, m[2]!);
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.token = token.replace(/&amp;/g, '&');
    return { status: response.status, location: response.headers.get('location'), body };
  }

  /** Signs in through the login form, like a person. */
  async signIn(): Promise<void> {
    await this.request('/admin/login');
    const res = await this.post('/admin/login', { email: this.email, password: this.password });
    if (res.status !== 303) throw new Error(`sign-in failed for ${this.email} on ${this.origin}: ${res.status}`);
    this.token = '';
  }

  get(path: string): Promise<RemoteResponse> {
    return this.request(path);
  }

  private async csrfToken(): Promise<string> {
    if (!this.token) await this.get('/admin');
    return this.token;
  }

  /** Posts a urlencoded form with the CSRF token. */
  async post(path: string, fields: Record<string, string>): Promise<RemoteResponse> {
    const body = new URLSearchParams({ _csrf: await this.csrfToken(), ...fields }).toString();
    return this.request(path, { method: 'POST', body, contentType: 'application/x-www-form-urlencoded' });
  }

  /** Uploads files as the attachment form does (multipart, the CSRF token in the query). */
  async upload(path: string, files: { name: string; bytes: Uint8Array; type?: string }[]): Promise<RemoteResponse> {
    const boundary = `----pressroomtest${Math.random().toString(16).slice(2)}`;
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (const f of files) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
      chunks.push(new Uint8Array(f.bytes), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const token = await this.csrfToken();
    return this.request(`${path}?_csrf=${encodeURIComponent(token)}`, { method: 'POST', body: new Blob(chunks), contentType: `multipart/form-data; boundary=${boundary}` });
  }
}
