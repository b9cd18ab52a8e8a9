/**
 * A small keep-alive HTTP/1.1 load generator: N connections, each sending the next GET as soon as the previous
 * response is complete (no pipelining), for a fixed time after a warm-up. Raw sockets and a pre-built request
 * so the client costs far less than the servers it measures. Run it in a child process (`runLoadInChild`) so it
 * has its own core and does not share the server's event loop.
 */
import { fork } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** What to load and how hard. */
export interface LoadOptions {
  /** http://host:port/path?query */
  url: string;
  headers?: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
}

/** Figures of the timed window. */
export interface LoadResult {
  /** Responses completed in the timed window. */
  requests: number;
  /** Non-2xx responses and socket errors in the timed window. */
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Body bytes of the last response (the payload size). */
  bodyBytes: number;
  /** CPU used by the load generator ÷ wall time (1 = one core busy): near 1, the client may be the limit. */
  clientCpu: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = Buffer.from('\r\ncontent-length: ');

/** Digits at `at` as a number (a header value). */
function digitsAt(buffer: Buffer, at: number): number {
  let value = 0;
  for (let i = at; i < buffer.length; i++) {
    const digit = (buffer[i] as number) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

/** Ends a response once its Content-Length body (or the final chunk of a chunked body) has arrived. */
function responseLength(buffer: Buffer): { total: number; body: number; status: number } | undefined {
  const end = buffer.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const status = digitsAt(buffer, 9);
  // fast path: both servers measured here send a lower-case content-length
  const at = buffer.indexOf(CONTENT_LENGTH);
  const head = at >= 0 && at < end ? '' : buffer.subarray(0, end).toString('latin1');
  const length = at >= 0 && at < end ? digitsAt(buffer, at + CONTENT_LENGTH.length) : Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? -1);
  if (length >= 0) return buffer.length >= end + 4 + length ? { total: end + 4 + length, body: length, status } : undefined;
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = buffer.indexOf('\r\n0\r\n\r\n', end);
    return last < 0 ? undefined : { total: last + 7, body: last - end - 4, status };
  }
  return { total: end + 4, body: 0, status };
}

/** Runs the load in this process; `onMeasure` is called when the warm-up ends and the timed window starts. */
export async function runLoad(options: LoadOptions, onMeasure?: () => void): Promise<LoadResult> {
  const url = new URL(options.url);
  const headerLines = Object.entries({ host: url.host, connection: 'keep-alive', ...options.headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const request = Buffer.from(`GET ${url.pathname}${url.search} HTTP/1.1\r\n${headerLines}\r\n`, 'latin1');
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const measureFrom = start + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  const measureTimer = setTimeout(() => onMeasure?.(), options.warmupMs);
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  let bodyBytes = 0;

  const loop = (socket: Socket) =>
    new Promise<void>((resolve) => {
      let pending: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= stopAt) {
          socket.end();
          resolve();
          return;
        }
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        const done = responseLength(pending);
        if (!done) return;
        const now = performance.now();
        pending = pending.subarray(done.total);
        bodyBytes = done.body;
        if (sentAt >= measureFrom && now <= stopAt) {
          requests++;
          latencies.push(now - sentAt);
          if (done.status < 200 || done.status >= 300) errors++;
        }
        send();
      });
      socket.on('error', () => {
        errors++;
        resolve();
      });
      socket.on('connect', send);
    });

  await Promise.all(
    Array.from({ length: options.connections }, () => {
      const socket = connect({ host: url.hostname, port: Number(url.port) });
      socket.setNoDelay(true);
      return loop(socket);
    }),
  );
  clearTimeout(measureTimer);
  const cpu = process.cpuUsage(cpuBefore);
  const clientCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - start);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))] ?? Number.NaN;
  return { requests, errors, rps: requests / (options.durationMs / 1000), p50Ms: at(0.5), p99Ms: at(0.99), bodyBytes, clientCpu };
}

/** Runs the load in a child Node process (its own core and event loop); `onMeasure` as for runLoad. */
export function runLoadInChild(options: LoadOptions, onMeasure?: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.on('message', (message: { measuring: true } | { result: LoadResult }) => {
      if ('measuring' in message) onMeasure?.();
      else resolve(message.result);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(options);
  });
}

if (process.argv.includes('--child') && process.send) {
  process.once('message', (options) => {
    void runLoad(options as LoadOptions, () => process.send?.({ measuring: true })).then((result) =>
      process.send?.({ result }, () => process.exit(0)),
    );
  });
}
