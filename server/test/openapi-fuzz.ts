/**
 * Requests made from the OpenAPI document to probe every endpoint with input it must refuse cleanly (wrong types,
 * out-of-range numbers, odd text, broken JSON and files): a 5xx answer is a defect. Deterministic: the same seed
 * makes the same requests, so a failure names a request that can be replayed.
 */
import { Random } from '#server/demo/random.ts';

type Schema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
};

type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; consumes?: string[] };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

/** One request to send. `body` is a JSON value, a raw string (sent as `contentType`), or files for multipart. */
export interface FuzzRequest {
  method: string;
  path: string;
  body?: unknown;
  raw?: { text: string; contentType: string };
  file?: { name: string; bytes: Uint8Array<ArrayBuffer>; field: string };
  /** What this request probes, for the failure message. */
  probe: string;
}

/** The demo's seeded generator (mulberry32) as a function. */
export function random(seed: number): () => number {
  const generator = new Random(seed);
  return () => generator.next();
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

/** Values that are wrong for most fields, or right in an unusual way. */
const ODD_STRINGS = ['', ' ', 'a'.repeat(5000), '\u0000', '%00', '../../etc/passwd', "'; drop table x; --", '<script>1</script>', 'Hà Nội\u0301', '😀', 'null', '-1', '1e309', 'NaN', '2025-13-45', '2025-02-30', '\uFFFF\uD800', '0x10', '[]', '{}'];
const ODD_NUMBERS = [0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER];
const ODD_VALUES: unknown[] = [null, true, [], {}, [1, 2], { a: 1 }, ...ODD_NUMBERS, ...ODD_STRINGS];
/** Path segments for ids and names: out of range, not a number, encoded oddly. */
const ODD_SEGMENTS = ['0', '-1', '1.5', '99999999999999999999', '9007199254740993', 'abc', '%00', '%E0%A4%A', '%2e%2e', 'null', encodeURIComponent('Hà Nội'), '00000000-0000-0000-0000-000000000000', 'a'.repeat(300)];

/**
 * A value the schema accepts, as far as a small generator can tell: ids point at the first rows of the demo, and
 * with `edge` numbers, text and dates sit at the limits the schema allows (the largest id, the longest text).
 */
export function validValue(schema: Schema | undefined, rnd: () => number, depth = 0, edge = false): unknown {
  if (!schema || depth > 6) return null;
  if (schema.enum?.length) return pick(rnd, schema.enum);
  if (schema.default !== undefined && rnd() < 0.3) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return validValue(pick(rnd, alternatives), rnd, depth + 1, edge);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => validValue(s, rnd, depth + 1, edge)));
  const atEdge = edge && rnd() < 0.5;
  switch (schema.type) {
    case 'integer':
      if (atEdge) return pick(rnd, [schema.maximum ?? 2 ** 31, schema.minimum ?? -(2 ** 31), 2 ** 31, 2 ** 31 - 1].filter((n) => n >= (schema.minimum ?? -Infinity) && n <= (schema.maximum ?? Infinity)).concat(1));
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 50, 1 + Math.floor(rnd() * 40)));
    case 'number':
      if (atEdge) return pick(rnd, [schema.maximum ?? 1e300, schema.minimum ?? -1e300, 1e-12].filter((n) => n >= (schema.minimum ?? -Infinity) && n <= (schema.maximum ?? Infinity)).concat(0.5));
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 100, Math.round(rnd() * 1000) / 10));
    case 'boolean':
      return rnd() < 0.5;
    case 'string':
      if (schema.format === 'uuid') return '0191d5a0-0000-7000-8000-000000000001';
      if (schema.format === 'date') return atEdge ? pick(rnd, ['0001-01-01', '9999-12-31', '2024-02-29']) : '2025-07-01';
      if (schema.format === 'date-time') return atEdge ? pick(rnd, ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) : '2025-07-01T00:00:00.000Z';
      if (atEdge) return pick(rnd, ['ệ', 'Ư', '\\', '%', "'", '\u0000'.slice(0, 1), ' x ']).repeat(Math.min(schema.maxLength ?? 300, 5000)).slice(0, schema.maxLength ?? 5000) || 'x';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 3));
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => validValue(schema.items, rnd, depth + 1, edge));
    case 'object':
    default: {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name) || rnd() < 0.5) out[name] = validValue(property, rnd, depth + 1, edge);
      }
      return out;
    }
  }
}

/** The same value with one part made wrong: a field of the wrong type, removed, or an odd value deep inside. */
export function mutate(value: unknown, rnd: () => number): unknown {
  if (value === null || typeof value !== 'object' || rnd() < 0.25) return pick(rnd, ODD_VALUES);
  if (Array.isArray(value)) {
    if (value.length === 0 || rnd() < 0.2) return [...value, pick(rnd, ODD_VALUES)];
    const i = Math.floor(rnd() * value.length);
    return value.map((item, k) => (k === i ? mutate(item, rnd) : item));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || rnd() < 0.1) return { ...value, [pick(rnd, ['__proto__', 'constructor', 'x'])]: pick(rnd, ODD_VALUES) };
  const [name] = pick(rnd, entries);
  if (rnd() < 0.2) {
    const copy = { ...(value as Record<string, unknown>) };
    delete copy[name];
    return copy;
  }
  return { ...value, [name]: mutate((value as Record<string, unknown>)[name], rnd) };
}

const FILES: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [
  { name: 'rong.xlsx', bytes: new Uint8Array() },
  { name: 'chu.xlsx', bytes: new TextEncoder().encode('đây không phải Excel') },
  { name: 'zip.xlsx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]) },
  { name: 'du-lieu.csv', bytes: new TextEncoder().encode('dataelement,period,orgunit\n"x,1\n\u0000,,,,,,\n') },
  { name: 'du-lieu.json', bytes: new TextEncoder().encode('{"dataValues": [{"value": {}}], "x": ') },
  { name: 'du-lieu.json', bytes: new TextEncoder().encode('{"dataValues": [{"dataElement": 1, "period": [], "orgUnit": null, "value": 1e999}]}') },
];

function fillPath(template: string, params: Parameter[], rnd: () => number, odd: boolean): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema;
    if (odd) return pick(rnd, ODD_SEGMENTS);
    return encodeURIComponent(String(validValue(schema, rnd, 0, rnd() < 0.3)));
  });
}

/** Percent-encoded; a lone surrogate cannot be, so it goes as the bytes of one (invalid UTF-8). */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

function query(params: Parameter[], rnd: () => number, odd: boolean): string {
  const parts: string[] = [];
  for (const p of params.filter((p) => p.in === 'query')) {
    if (!p.required && rnd() < 0.3) continue;
    const value = odd && rnd() < 0.6 ? pick(rnd, [...ODD_STRINGS, ...ODD_NUMBERS.map(String)]) : validValue(p.schema, rnd, 0, odd);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    parts.push(`${encode(p.name)}=${encode(text ?? '')}`);
    if (odd && rnd() < 0.1) parts.push(`${encode(p.name)}=${encode(text ?? '')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * `perOperation` requests for every operation of the document (skipping `skip`: the sign-in and sign-out, which
 * would end the session the probe runs in).
 */
export function fuzzRequests(doc: OpenApiDocument, seed: number, perOperation: number, skip: (method: string, path: string) => boolean): FuzzRequest[] {
  const rnd = random(seed);
  const out: FuzzRequest[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const m = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m) || skip(m, template)) continue;
      const params = op.parameters ?? [];
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      // an upload: multipart without a JSON body in the document
      const upload = m === 'POST' && !op.requestBody;
      for (let i = 0; i < perOperation; i++) {
        const oddPath = template.includes('{') && i % 3 === 0;
        const path = fillPath(template, params, rnd, oddPath) + query(params, rnd, i % 2 === 1);
        const request: FuzzRequest = { method: m, path, probe: oddPath ? 'path' : 'query' };
        if (bodySchema) {
          const kind = i % 5;
          if (kind === 4) request.raw = { text: pick(rnd, ['{"a":', '[', 'null', '"x"', '{"__proto__": {"x": 1}}', '\u0000', '{}'.padEnd(20, ' ')]), contentType: 'application/json' };
          else if (kind === 3) request.raw = { text: 'a=1&b=2', contentType: pick(rnd, ['text/plain', 'application/x-www-form-urlencoded']) };
          else request.body = kind === 0 ? validValue(bodySchema, rnd) : kind === 1 ? validValue(bodySchema, rnd, 0, true) : mutate(validValue(bodySchema, rnd), rnd);
          request.probe += kind === 0 ? ', body' : kind === 1 ? ', body at its limits' : kind >= 3 ? ', raw body' : ', odd body';
        } else if (upload) {
          request.file = { ...pick(rnd, FILES), field: 'file' };
          request.probe += ', file';
        }
        out.push(request);
      }
    }
  }
  return out;
}
