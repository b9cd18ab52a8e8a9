import { blobKey, sha256Hex, type BlobStore } from './blob-store.ts';
import { payloadSha256, signV4 } from './sigv4.ts';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Garage…), path-style URLs: `endpoint/bucket/key`. */
export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix inside the bucket, e.g. 'files/'. */
  prefix?: string;
}

/**
 * Blobs in an S3-compatible bucket through signed PUT/GET/HEAD (SigV4 over fetch: no AWS SDK). Content-addressed
 * keys make PUT idempotent, so a retried upload or two processes storing the same file do no harm.
 */
export function s3BlobStore(options: S3Options): BlobStore {
  const credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region, service: 's3' };
  const urlOf = (sha256: string) => new URL(`${options.endpoint.replace(/\/$/, '')}/${options.bucket}/${options.prefix ?? ''}${blobKey(sha256)}`);
  const send = async (method: 'PUT' | 'GET' | 'HEAD', sha256: string, body?: Buffer) => {
    const url = urlOf(sha256);
    const payloadHash = body ? payloadSha256(body) : payloadSha256('');
    const signed = signV4({ method, url, headers: { 'x-amz-content-sha256': payloadHash }, payloadHash }, credentials, new Date());
    const { host: _host, ...headers } = signed.headers;
    return fetch(url, { method, headers: { ...headers, authorization: signed.authorization }, ...(body ? { body: new Uint8Array(body) } : {}) });
  };
  const has = async (sha256: string) => {
    const response = await send('HEAD', sha256);
    if (response.status === 404) return false;
    if (!response.ok) throw new Error(`S3 HEAD ${response.status}`);
    return true;
  };
  return {
    has,
    async put(data) {
      const sha256 = sha256Hex(data);
      if (await has(sha256)) return sha256;
      const response = await send('PUT', sha256, data);
      if (!response.ok) throw new Error(`S3 PUT ${response.status}: ${(await response.text()).slice(0, 200)}`);
      return sha256;
    },
    async get(sha256) {
      const response = await send('GET', sha256);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`S3 GET ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

/** The blob store the environment asks for: S3 when FILES_S3_ENDPOINT is set, else `${dataDir}/files`. */
export function s3OptionsFromEnv(env: NodeJS.ProcessEnv): S3Options | null {
  if (!env.FILES_S3_ENDPOINT) return null;
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is required when FILES_S3_ENDPOINT is set`);
    return value;
  };
  return {
    endpoint: env.FILES_S3_ENDPOINT,
    bucket: required('FILES_S3_BUCKET'),
    region: env.FILES_S3_REGION ?? 'us-east-1',
    accessKeyId: required('FILES_S3_ACCESS_KEY_ID'),
    secretAccessKey: required('FILES_S3_SECRET_ACCESS_KEY'),
    ...(env.FILES_S3_PREFIX ? { prefix: env.FILES_S3_PREFIX } : {}),
  };
}
