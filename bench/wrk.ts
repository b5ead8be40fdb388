// Runs wrk and reads its --latency report.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface WrkResult {
  requestsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses that were not 2xx or 3xx. */
  non2xx: number;
  /** connect/read/write/timeout errors, summed. */
  socketErrors: number;
  /** wrk's own line, e.g. `connect 0, read 0, write 0, timeout 50`; empty when there were none. */
  socketErrorDetail: string;
}

/** The wrk binary: /usr/bin/wrk, else the first on PATH; null when it is not installed. */
export function findWrk(): string | null {
  const candidates = ['/usr/bin/wrk', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'wrk'))];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

const running = new Set<ChildProcess>();

/** Stops any wrk still running (on Ctrl-C), so none is left loading a stopped server. */
export function stopWrk(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** Runs wrk against `url`; with `script`, wrk runs that Lua file (`-s`), e.g. one that varies the request path. */
export async function runWrk(wrk: string, url: string, options: { threads: number; connections: number; seconds: number; script?: string }): Promise<WrkResult> {
  const args = [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--latency', ...(options.script ? ['-s', options.script] : []), url];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk ${args.join(' ')} exited with ${code}:\n${out}`))));
  });
  return parseWrk(output);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Parses wrk's text report (the --latency distribution gives the percentiles). */
export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp, what: string): RegExpExecArray => {
    const match = pattern.exec(output);
    if (!match) throw new Error(`Could not find ${what} in wrk output:\n${output}`);
    return match;
  };
  const percentile = (p: number) => {
    const [, value, unit] = number(new RegExp(`^\\s*${p}(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'), `the ${p}% latency`);
    return Number(value) * UNIT_MS[unit!]!;
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSec: Number(number(/^Requests\/sec:\s+([\d.]+)/m, 'Requests/sec')[1]),
    p50Ms: percentile(50),
    p90Ms: percentile(90),
    p99Ms: percentile(99),
    requests: Number(number(/^\s*(\d+) requests in/m, 'the request count')[1]),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    socketErrorDetail: errors ? errors[0].replace('Socket errors: ', '') : '',
  };
}
