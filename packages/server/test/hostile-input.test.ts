import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '@cppcc/shared';
import { as, createTestApp, undeclaredResponses, type Session, type TestContext } from './harness';
import { buildMember, buildProposal, buildUnit, signedInUser } from './factories';
import { proposalWorld } from '../src/modules/proposals/proposal-world.fixture';

/**
 * Every operation of the OpenAPI document, so that a new route is walked without editing this file,
 * fed hostile input in its path, query string and body: malformed, wrong-typed, oversized,
 * boundary integers, NUL and lone surrogates, inherited property names, injection and traversal.
 * No answer may be a 5xx; every refusal is `{ code, message }` in Chinese; input outside the
 * schema the document shows must be refused; every status must be declared in the document.
 */

interface Schema {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}
interface Parameter {
  in: string;
  name: string;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

/** One hostile request: raw (already URL-encoded) path and query values, and a body. */
interface Variant {
  what: string;
  path?: Record<string, string>;
  query?: string;
  /** JSON body; `raw` wins when given. */
  body?: unknown;
  raw?: { payload: string | Buffer; contentType?: string };
  /** Input outside the documented schema (or the edge rules): any 2xx/3xx is a failure. */
  refuse?: boolean;
  anonymous?: boolean;
}

/** Operations whose side effect would end the walk's own sessions. */
const skipped = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const chinese = /[\u4e00-\u9fff]/;
const inheritedNames = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

let t: TestContext;
let users: Session[];
let operations: { method: string; path: string; operation: Operation }[];

beforeAll(async () => {
  t = await createTestApp();
  const w = await proposalWorld(t);
  const db = t.database.db;
  // Records in several states so that an id of 1 reaches real rows of every kind.
  for (const state of ['draft', 'submitted', 'accepted', 'assigned', 'answered'] as const)
    await buildProposal(db, w.committee.id, { sessionId: w.session.id, state });
  const unit = await buildUnit(db, w.committee.id);
  const member = await buildMember(db, w.committee.id);
  // One user holds every role that may be combined; the three administrators stand alone.
  const everyWorkRole: Role[] = [
    'member',
    'unitHandler',
    'proposalStaff',
    'opinionStaff',
    'liaisonStaff',
    'leader',
    'partyLeader',
  ];
  users = [
    await signedInUser(t.app, w.committee.id, everyWorkRole, { memberId: member.id, unitId: unit.id }),
    await signedInUser(t.app, w.committee.id, ['unitHead'], { unitId: unit.id }),
    await signedInUser(t.app, w.committee.id, ['sysAdmin']),
    await signedInUser(t.app, w.committee.id, ['securityAdmin']),
    await signedInUser(t.app, w.committee.id, ['auditAdmin']),
  ];
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: as(users[0]!) });
  expect(res.statusCode).toBe(200);
  const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
});
afterAll(() => t?.close());

// ---- schema helpers: a valid sample, and whether a value is inside the schema ----

const unwrap = (s: Schema): Schema => {
  const options = s.anyOf ?? s.oneOf;
  if (options) return unwrap(options.find((o) => o.type !== 'null') ?? options[0]!);
  if (s.allOf) return unwrap(Object.assign({}, ...s.allOf) as Schema);
  return s;
};

const stringCandidates = [
  '2025-06-01',
  '2025-06',
  '13800138000',
  'hostile_user1',
  'Abc12345',
  'a1',
  '1',
  'x',
];

function sampleString(s: Schema): string {
  if (s.format === 'date') return '2025-06-01';
  if (s.format === 'date-time') return '2025-06-01T00:00:00.000Z';
  if (s.format === 'email') return 'hostile@example.cn';
  const fits = (v: string) =>
    v.length >= (s.minLength ?? 0) &&
    v.length <= (s.maxLength ?? Infinity) &&
    (!s.pattern || new RegExp(s.pattern).test(v));
  return stringCandidates.find(fits) ?? '测'.repeat(Math.max(1, s.minLength ?? 1));
}

function sample(schema: Schema): unknown {
  const s = unwrap(schema);
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((key) => [key, sample(s.properties?.[key] ?? {})]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, (_, i) => {
        const item = sample(s.items ?? {});
        return typeof item === 'number' ? item + i : item;
      });
    case 'integer':
    case 'number': {
      const low = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : (s.minimum ?? 1);
      return Math.min(Math.max(1, low + (s.exclusiveMinimum === true ? 1 : 0)), s.maximum ?? Infinity);
    }
    case 'boolean':
      return false;
    case 'string':
      return sampleString(s);
    default:
      return null;
  }
}

function conforms(schema: Schema, value: unknown): boolean {
  if (typeof value === 'string' && unstorable.test(value)) return false;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.some((o) => conforms(o, value)) || (value === null && !!schema.nullable);
  const s = schema.allOf ? (Object.assign({}, schema, ...schema.allOf) as Schema) : schema;
  if (value === null) return !!s.nullable || s.type === 'null';
  if (s.enum && !s.enum.includes(value)) return false;
  const inRange = (n: number) =>
    n >= (s.minimum ?? -Infinity) &&
    n <= (s.maximum ?? Infinity) &&
    !(s.exclusiveMinimum === true && n === s.minimum) &&
    !(typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum) &&
    !(s.exclusiveMaximum === true && n === s.maximum) &&
    !(typeof s.exclusiveMaximum === 'number' && n >= s.exclusiveMaximum);
  switch (s.type) {
    case 'integer':
      return Number.isSafeInteger(value) && inRange(value as number);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && inRange(value);
    case 'string':
      return (
        typeof value === 'string' &&
        value.length >= (s.minLength ?? 0) &&
        value.length <= (s.maxLength ?? Infinity) &&
        (!s.pattern || new RegExp(s.pattern).test(value))
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return (
        Array.isArray(value) &&
        value.length >= (s.minItems ?? 0) &&
        value.length <= (s.maxItems ?? Infinity) &&
        value.every((item) => conforms(s.items ?? {}, item))
      );
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return false;
      const entries = Object.entries(value as object);
      if (s.additionalProperties === false && entries.some(([k]) => !Object.hasOwn(s.properties ?? {}, k)))
        return false;
      return entries.every(
        ([k, v]) => !Object.hasOwn(s.properties ?? {}, k) || conforms(s.properties![k]!, v),
      );
    }
    default:
      return true;
  }
}

/** A query-string or path value as the server's coercing schemas read it. */
function conformsText(schema: Schema, raw: string): boolean | undefined {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return undefined; // not judged: how a broken escape is decoded is the parser's business
  }
  const s = unwrap(schema);
  if (unstorable.test(text)) return false;
  if (s.type === 'integer' || s.type === 'number') return conforms(s, Number(text));
  return conforms(s, text);
}

type Key = string | number;
function* fields(schema: Schema, path: Key[] = []): Generator<{ path: Key[]; schema: Schema }> {
  const s = unwrap(schema);
  if (path.length >= 3) return;
  if (s.type === 'object')
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      yield { path: [...path, key], schema: child };
      yield* fields(child, [...path, key]);
    }
  if (s.type === 'array' && s.items) {
    yield { path: [...path, 0], schema: s.items };
    yield* fields(s.items, [...path, 0]);
  }
}

/** `base` with `value` at `path`, filling missing containers on the way with valid samples. */
function withValue(base: unknown, schema: Schema, path: Key[], value: unknown): unknown {
  const root = { value: structuredClone(base) } as Record<Key, unknown>;
  let node = root;
  let key: Key = 'value';
  let s = schema;
  for (const next of path) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = sample(s);
    node = node[key] as Record<Key, unknown>;
    const u = unwrap(s);
    s = (typeof next === 'number' ? u.items : u.properties?.[next]) ?? {};
    key = next;
  }
  node[key] = value;
  return root.value;
}

// ---- hostile values ----

// Few enough to keep the walk under a minute; each is a different way to fail.
const hostileNumbers = [2 ** 31, 2 ** 53, -1, 0, 1.5, '1', true];
const hostileStrings = (s: Schema) => [
  'a\u0000b',
  '\ud800',
  'a\udfffb',
  "' OR '1'='1'; drop table users; --",
  '../../../../etc/passwd',
  'x'.repeat((s.maxLength ?? 1000) + 1),
  42,
  {},
];
function hostileValues(schema: Schema): unknown[] {
  const s = unwrap(schema);
  const type = s.type ?? (s.enum ? typeof s.enum[0] : undefined);
  const common = [null];
  switch (type) {
    case 'integer':
    case 'number':
      return [...hostileNumbers, ...common];
    case 'string':
      return [...hostileStrings(s), ...common];
    case 'boolean':
      return ['true', 1, ...common];
    case 'array':
      return [[2 ** 31], ['\u0000'], 'x', new Array(10_001).fill(1), [null], ...common];
    case 'object':
      return ['x', [], { '\u0000': 1 }, { constructor: { prototype: {} } }, ...common];
    default:
      return ['\u0000', 2 ** 31, ...common];
  }
}

const hostileIdTexts = [
  'abc',
  '-1',
  '0',
  '2147483648',
  '9007199254740992',
  '68719476737',
  '1.5',
  '1e400',
  '%00',
  '%ED%A0%80',
  '..%2F..%2Fetc%2Fpasswd',
  "1'%20OR%20'1'%3D'1",
  '__proto__',
  'x'.repeat(300),
];
function hostileQueryTexts(name: string, schema: Schema): string[] {
  const s = unwrap(schema);
  if (s.type === 'integer' || s.type === 'number') return hostileIdTexts.slice(0, 9);
  return [
    'a%00b',
    '%ED%A0%80',
    "'%20OR%20'1'%3D'1'%20--",
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%25%5F%5C',
    'x'.repeat((s.maxLength ?? 1000) + 1),
    ...(name === 'sort' ? inheritedNames : ['__proto__']),
  ];
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
function multipart(filename: string, content: Buffer): Variant['raw'] {
  const boundary = '----hostile-walk';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Bodies with many fields get a spread of their field variants, so that the walk stays bounded. */
const maxFieldVariants = 60;
const essential = (v: Variant) => /\\u0000|2147483648/.test(v.what);
function sampled(variants: Variant[], limit: number): Variant[] {
  if (variants.length <= limit) return variants;
  const kept = variants.filter(essential);
  const rest = variants.filter((v) => !essential(v));
  const stride = rest.length / Math.max(1, limit - kept.length);
  for (let i = 0; i < rest.length && kept.length < limit; i += stride) kept.push(rest[Math.floor(i)]!);
  return kept;
}

function variantsOf(method: string, operation: Operation): Variant[] {
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const base = bodySchema ? sample(bodySchema) : undefined;
  // The plain request first: it picks the user who walks the operation.
  const variants: Variant[] = [{ what: 'baseline' }];

  for (const p of pathParams)
    for (const text of hostileIdTexts)
      variants.push({
        what: `path ${p.name}=${text.slice(0, 40)}`,
        path: { [p.name]: text },
        refuse: conformsText(p.schema ?? {}, text) === false,
      });

  for (const p of queryParams) {
    for (const text of hostileQueryTexts(p.name, p.schema ?? {}))
      variants.push({
        what: `query ${p.name}=${text.slice(0, 40)}`,
        query: `${p.name}=${text}`,
        refuse:
          conformsText(p.schema ?? {}, text) === false ||
          (p.name === 'sort' && inheritedNames.includes(text)),
      });
    variants.push({ what: `query ${p.name} twice`, query: `${p.name}=1&${p.name}=2`, refuse: true });
  }
  const strictQuery = queryParams.length > 0;
  for (const query of ['__proto__=1', 'constructor=1', '__proto__%5Bx%5D=1', 'a%00=1', 'unknownParam=1'])
    variants.push({ what: `query ${query}`, query, refuse: strictQuery || query.includes('%00') });
  variants.push({ what: 'query 10 kB', query: `q=${'y'.repeat(10_000)}` });

  if (bodySchema) {
    const fieldVariants: Variant[] = [];
    for (const field of fields(bodySchema))
      for (const value of hostileValues(field.schema)) {
        const body = withValue(base, bodySchema, field.path, value);
        fieldVariants.push({
          what: `body ${field.path.join('.')}=${JSON.stringify(value)?.slice(0, 40)}`,
          body,
          refuse: !conforms(field.schema, value),
        });
      }
    variants.push(...sampled(fieldVariants, maxFieldVariants));
    const baseText = JSON.stringify(base);
    const withKey = (key: string) =>
      baseText.length > 2 ? `{${JSON.stringify(key)}:1,${baseText.slice(1)}` : `{${JSON.stringify(key)}:1}`;
    const rawBodies: [string, string, string | undefined, boolean][] = [
      ['malformed JSON', '{"title": ', 'application/json', true],
      ['array body', '[]', 'application/json', true],
      ['null body', 'null', 'application/json', true],
      ['string body', '"x"', 'application/json', true],
      ['number body', '2147483648', 'application/json', true],
      [
        '__proto__ key',
        baseText.length > 2 ? `{"__proto__":{"x":1},${baseText.slice(1)}` : '{"__proto__":{}}',
        'application/json',
        true,
      ],
      ['constructor key', withKey('constructor'), 'application/json', true],
      ['unknown key', withKey('unexpectedField'), 'application/json', true],
      ['NUL key', withKey('a\u0000'), 'application/json', true],
      ['surrogate key', withKey('\ud800'), 'application/json', true],
      ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'application/json', true],
      ['1.1 MB body', JSON.stringify({ x: 'x'.repeat(1_100_000) }), 'application/json', true],
      ['empty JSON', '', 'application/json', true],
      ['text/plain', baseText, 'text/plain', true],
      ['form-encoded', 'title=x', 'application/x-www-form-urlencoded', true],
      ['utf-16 charset', baseText, 'application/json; charset=utf-16', false],
    ];
    for (const [what, payload, contentType, refuse] of rawBodies)
      variants.push({ what: `body ${what}`, raw: { payload, contentType }, refuse });
    variants.push({
      what: 'body invalid UTF-8',
      raw: {
        payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        contentType: 'application/json',
      },
      refuse: true,
    });
  } else if (method !== 'GET' && method !== 'DELETE') {
    // Uploads are not described in the document; every body-less command is offered files too.
    for (const filename of [
      '../../../../etc/passwd.pdf',
      'a\u0000b.pdf',
      '\ud800.pdf',
      '%00.pdf',
      'x'.repeat(1000) + '.pdf',
    ])
      variants.push({
        what: `upload ${JSON.stringify(filename).slice(0, 40)}`,
        raw: multipart(filename, pdf),
      });
    variants.push({
      what: 'upload not a file',
      raw: multipart('x.xlsx', Buffer.from('PK\u0003\u0004 not a zip')),
    });
    variants.push({
      what: 'JSON with NUL',
      raw: { payload: '{"x":"\\u0000"}', contentType: 'application/json' },
      refuse: true,
    });
  }

  // Without a session, with input that would be refused anyway.
  variants.push({ what: 'anonymous NUL query', query: 'q=%00', anonymous: true, refuse: true });
  if (bodySchema)
    variants.push({
      what: 'anonymous NUL body',
      body: withValue(base, bodySchema, [], { x: '\u0000' }),
      anonymous: true,
      refuse: true,
    });
  return variants.map((v) => (v.body === undefined && !v.raw && bodySchema ? { ...v, body: base } : v));
}

async function send(method: string, path: string, variant: Variant, session: Session | null) {
  const url =
    path.replace(/\{(\w+)\}/g, (_, name: string) => variant.path?.[name] ?? '1') +
    (variant.query ? `?${variant.query}` : '');
  const raw =
    variant.raw ??
    (variant.body === undefined
      ? undefined
      : { payload: JSON.stringify(variant.body), contentType: 'application/json' });
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(session ? as(session) : {}),
      ...(raw?.contentType ? { 'content-type': raw.contentType } : {}),
    },
    payload: raw?.payload,
  });
}

it('answers hostile input on every documented operation without a server error', async () => {
  const started = Date.now();
  const failures: string[] = [];
  let requests = 0;
  let walked = 0;
  for (const { method, path, operation } of operations) {
    const route = `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
    if (skipped.has(route)) continue;
    walked += 1;
    const variants = variantsOf(method, operation);
    const baseline = variants[0]!;
    // The first user who gets past access control with a plain request walks the operation.
    let session = users[0]!;
    for (const candidate of users) {
      requests += 1;
      const res = await send(method, path, baseline, candidate);
      if (![401, 403].includes(res.statusCode)) {
        session = candidate;
        break;
      }
    }
    for (const variant of variants) {
      requests += 1;
      const res = await send(method, path, variant, variant.anonymous ? null : session);
      const where = `${route} [${variant.what}] → ${res.statusCode} ${res.body.slice(0, 160)}`;
      if (res.statusCode >= 500) failures.push(where);
      else if (res.statusCode >= 400) {
        let parsed: { code?: unknown; message?: unknown } = {};
        try {
          parsed = res.json();
        } catch {
          // not JSON: reported below
        }
        if (typeof parsed.code !== 'string' || !chinese.test(String(parsed.message)))
          failures.push(`${where} (no code or no Chinese message)`);
      } else if (variant.refuse) failures.push(`${where} (accepted input outside its schema)`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`hostile input: ${requests} requests over ${walked} operations in ${seconds.toFixed(1)} s`);
  if (failures.length) console.log(failures.slice(0, 40).join('\n'));
  expect(walked).toBeGreaterThan(100);
  expect(failures).toEqual([]);
}, 240_000);

it('declares in the OpenAPI document every status the walk was answered with', () => {
  expect(t.responses.size).toBeGreaterThan(100);
  expect(undeclaredResponses(t)).toEqual([]);
});

it('refuses the findings of the probe run with 400 and a Chinese message', async () => {
  const refusal = async (method: 'GET' | 'POST', url: string, payload?: object, signedIn = true) => {
    const res = await t.app.inject({ method, url, payload, headers: signedIn ? as(users[0]!) : {} });
    expect(res.statusCode, `${method} ${url}`).toBe(400);
    return (res.json() as { message: string }).message;
  };
  expect(await refusal('POST', '/api/auth/login', { login: 'admin\u0000', password: 'x' }, false)).toBe(
    '请求内容含有无效字符',
  );
  expect(await refusal('POST', '/api/proposals', { title: '\ud800', category: 'x', content: 'x' })).toBe(
    '请求内容含有无效字符',
  );
  expect(await refusal('GET', '/api/members?q=%00')).toBe('请求内容含有无效字符');
  expect(await refusal('GET', '/api/terms/2147483648')).toBe('编号超出范围');
  expect(await refusal('GET', '/api/proposals?unitId=2147483648')).toBe('编号超出范围');
  expect(await refusal('POST', '/api/proposals/68719476737/accept', {})).toBe('编号超出范围');
  for (const sort of ['__proto__', 'constructor', 'toString'])
    expect(await refusal('GET', `/api/members?sort=${sort}`)).toMatch(/^不支持按“.+”排序/);
});
