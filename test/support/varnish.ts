// Varnish on loopback for the CDN tests (#18): renders deploy/varnish/default.vcl with the test's
// backend port, starts `varnishd -F` as a child on a free port, waits until it answers, stops it.
//
// As root varnishd drops privileges to its own users, which cannot read a test's temporary files:
// `-j none` (no jail) is passed when running as root. Compiling the VCL needs a C compiler (gcc),
// which Debian's varnish package depends on.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
export { freePort };

export const VARNISHD = process.env.PRESSROOM_VARNISHD ?? '/usr/sbin/varnishd';
const VCL = new URL('../../deploy/varnish/default.vcl', import.meta.url).pathname;
const isCI = process.env.CI === 'true' || process.env.CI === '1';

/** Why the Varnish suites are skipped (varnishd missing, not CI), or false; with CI=true a missing varnishd fails. */
export function varnishSkip(): string | false {
  if (existsSync(VARNISHD)) return false;
  if (isCI) throw new Error(`varnishd not found at ${VARNISHD} (CI=true: the Varnish tests must run; .ci/run installs it)`);
  return `no varnishd at ${VARNISHD} (apt-get install varnish to run the Varnish tests)`;
}


/** The VCL as deployed, with its backend pointed at `host:port` (the lines marked @backend-host and @backend-port). */
export function renderVcl(backend: { host: string; port: number }): string {
  const vcl = readFileSync(VCL, 'utf8');
  const out = vcl.replace(/"[^"]*"; # @backend-host/, `"${backend.host}"; # @backend-host`).replace(/"[^"]*"; # @backend-port/, `"${backend.port}"; # @backend-port`);
  if (out === vcl && backend.port !== 3000) throw new Error('deploy/varnish/default.vcl lost its @backend-host/@backend-port markers');
  return out;
}

export interface RunningVarnish {
  url: string;
  port: number;
  /** Its working directory (`varnishstat -n <workdir>`, `varnishlog -n <workdir>`). */
  workdir: string;
  stop(): Promise<void>;
}

/** Starts Varnish on `port` in front of the backend; resolves once it answers HTTP. */
export async function startVarnish(options: { port: number; backendPort: number }): Promise<RunningVarnish> {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-varnish-'));
  const vclPath = join(dir, 'default.vcl');
  writeFileSync(vclPath, renderVcl({ host: '127.0.0.1', port: options.backendPort }));
  const workdir = join(dir, 'work');
  const args = ['-F', '-n', workdir, '-a', `127.0.0.1:${options.port}`, '-f', vclPath, '-s', 'malloc,32m'];
  if (process.getuid?.() === 0) args.unshift('-j', 'none');
  const child: ChildProcess = spawn(VARNISHD, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  // Hang guard only: varnishd compiles the VCL and starts its child in about a second here.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`varnishd exited at start:\n${output}`);
    }
    try {
      await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(2000) });
      return { url, port: options.port, workdir, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`varnishd did not answer within 30 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
