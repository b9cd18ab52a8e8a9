/**
 * A light HTTP client for latency benchmarks: node:http over one kept-alive socket, asking for gzip as a browser
 * does, answer decompressed and parsed as JSON. `fetch` (undici) costs the client ≈ 3 ms more per request on these
 * machines and adds its own garbage; the server's time is what the benchmarks compare, so the app and its bare
 * node:http baseline are read through this same client.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface KeepAliveClient {
  get(path: string): Promise<unknown>;
  close(): void;
}

export function keepAliveClient(base: string, headers: Record<string, string>): KeepAliveClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get: (path) =>
      new Promise((resolve, reject) => {
        const request = http.get(`${base}${path}`, { agent, headers: { ...headers, 'accept-encoding': 'gzip' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const raw = Buffer.concat(chunks);
            const text = (response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
            if (response.statusCode !== 200) reject(new Error(`GET ${path}: ${response.statusCode} ${text.slice(0, 300)}`));
            else resolve(JSON.parse(text));
          });
        });
        request.on('error', reject);
      }),
    close: () => agent.destroy(),
  };
}
