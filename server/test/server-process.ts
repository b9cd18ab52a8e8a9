import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** A server script run as its own process (`node --import tsx script`), its output collected. */
export interface ServerProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * A port for a server process of a test: below Linux's ephemeral range (32768–60999), where the kernel puts the
 * ports of every listener on port 0 (the other test apps) and of outgoing connections, so no other test takes it.
 */
export const testServerPort = (): number => 20_000 + Math.floor(Math.random() * 12_000);

/** Runs `script` with this environment added (an empty DATABASE_URL: PGlite unless the env says otherwise). */
export function runScript(script: string, args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

/**
 * GET /api/health of a server starting on `port`, polled every 250 ms until it answers, the process exits, or
 * `limitMs` passes (a guard against a hang, not a speed check: a first start migrates, imports the official units
 * and may load the demo, which takes a minute or more on a busy machine). Throws with the process's output.
 */
export async function waitForHealth(server: ServerProcess, port: number, limitMs = 240_000): Promise<unknown> {
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before answering:\n${server.output()}`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((response) => response.json() as Promise<unknown>)
      .catch(() => undefined);
    if (health !== undefined) return health;
  }
  throw new Error(`the server did not answer within ${limitMs / 1000} s:\n${server.output()}`);
}

/** Start-up and the test after it: the limit of waitForHealth plus a minute. */
export const SERVER_TEST_TIMEOUT_MS = 300_000;
