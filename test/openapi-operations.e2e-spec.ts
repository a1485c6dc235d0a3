import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  required?: string[];
}
interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  operationId: string;
  summary?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, Response>;
}
const document = JSON.parse(readFileSync('openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    label: `${method.toUpperCase()} ${path}`,
    path,
    operation,
  })),
);
/** Every schema in the document, inline or under components, with where it is. */
function* schemasIn(value: unknown, at: string): Generator<{ at: string; schema: Schema }> {
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if ('schema' in node) yield* schemaTree(node.schema as Schema, `${at}.schema`);
  for (const [key, child] of Object.entries(node))
    if (key !== 'schema') yield* schemasIn(child, `${at}.${key}`);
}
function* schemaTree(schema: Schema, at: string): Generator<{ at: string; schema: Schema }> {
  yield { at, schema };
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    yield* schemaTree(property, `${at}.${name}`);
  if (schema.items) yield* schemaTree(schema.items, `${at}[]`);
  if (typeof schema.additionalProperties === 'object')
    yield* schemaTree(schema.additionalProperties, `${at}{}`);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
    yield* schemaTree(part, `${at}|`);
}
const everySchema = [
  ...schemasIn(document.paths, 'paths'),
  ...Object.entries(document.components.schemas).flatMap(([name, schema]) => [
    ...schemaTree(schema, `components.${name}`),
  ]),
];

const statuses = (operation: Operation) => Object.keys(operation.responses);
const schemaOf = (ref: string) => document.components.schemas[ref.replace('#/components/schemas/', '')];

/** The routes @RateLimit counts (the citizen routes and the login). */
const RATE_LIMITED = /^(GET \/api\/centres|[A-Z]+ \/api\/bookings|POST \/api\/auth\/login$)/;

/** The committed OpenAPI document (held to the code by the drift test) as a client generator reads it. */
describe('openapi.json for client generators', () => {
  it('has operations', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations)('$label has a summary', ({ operation }) => {
    expect(operation.summary).toMatch(/\S/);
  });

  it.each([
    'POST /api/admin/centres',
    'POST /api/admin/centres/{id}/closures',
    'POST /api/admin/users',
    'POST /api/bookings',
  ])('%s documents the 201 it answers', (label) => {
    const found = operations.find((entry) => entry.label === label);
    expect(Object.keys(found!.operation.responses)).toContain('201');
    expect(Object.keys(found!.operation.responses)).not.toContain('200');
  });
});

describe('openapi.json is a valid OpenAPI document', () => {
  const validate = async (candidate: object) => {
    const result = await new Validator().validate(candidate as Record<string, unknown>);
    return { valid: result.valid, errors: result.errors };
  };

  it('passes the OpenAPI schema, and every $ref resolves', async () => {
    await expect(validate(document)).resolves.toEqual({ valid: true, errors: undefined });
  });

  it('the check refuses a broken document', async () => {
    const broken = structuredClone(document) as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, object> }>>;
    };
    broken.paths['/api/health'].get.responses['200'] = { content: {} };
    await expect(validate(broken)).resolves.toMatchObject({
      valid: false,
      errors: expect.arrayContaining([
        expect.objectContaining({ message: "must have required property 'description'" }),
      ]) as unknown,
    });
    const dangling = structuredClone(document) as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
    };
    dangling.paths['/api/health'].get.responses['200'].content = {
      'application/json': { schema: { $ref: '#/components/schemas/NoSuchView' } },
    };
    await expect(validate(dangling)).resolves.toMatchObject({
      valid: false,
      errors: expect.stringContaining('NoSuchView') as unknown,
    });
  });

  it('says what every object holds: no `type: object` without properties (an optional string typed as object)', () => {
    const silent = everySchema
      .filter(
        ({ schema }) =>
          schema.type === 'object' &&
          !['properties', 'additionalProperties', 'allOf', 'oneOf', 'anyOf'].some((key) => key in schema),
      )
      .map(({ at }) => at);
    expect(everySchema.length).toBeGreaterThan(300);
    expect(silent).toEqual([]);
  });
});

describe('openapi.json documents the error responses', () => {
  it.each(operations)('$label documents 503 with Retry-After', ({ operation }) => {
    const unavailable = operation.responses['503'];
    expect(unavailable?.headers).toHaveProperty('Retry-After');
    expect(unavailable?.content?.['application/json'].schema.$ref).toBe(
      '#/components/schemas/UnavailableErrorBodyView',
    );
  });

  it.each(operations)('$label documents 422 when it takes a body or query', ({ operation }) => {
    const validated =
      operation.requestBody !== undefined || operation.parameters?.some((p) => p.in === 'query');
    if (validated)
      expect(operation.responses['422']?.content?.['application/json'].schema.$ref).toBe(
        '#/components/schemas/ValidationErrorBodyView',
      );
  });

  it.each(operations)('$label documents 401 when it needs a bearer token, 403 on admin routes', (entry) => {
    const bearer = entry.operation.security?.some((s) => 'bearer' in s) ?? false;
    expect(statuses(entry.operation).includes('401')).toBe(bearer || entry.label === 'POST /api/auth/login');
    if (entry.path.startsWith('/api/admin/')) {
      expect(bearer).toBe(true);
      expect(statuses(entry.operation)).toContain('403');
    }
  });

  it.each(operations)(
    '$label documents 404 when a path parameter names a resource',
    ({ path, operation }) => {
      if (path.includes('{')) expect(statuses(operation)).toContain('404');
    },
  );

  it.each(operations)('$label documents 429 exactly when it is rate limited', ({ label, operation }) => {
    expect(statuses(operation).includes('429')).toBe(RATE_LIMITED.test(label));
    if (RATE_LIMITED.test(label)) expect(operation.responses['429'].headers).toHaveProperty('Retry-After');
  });

  it.each(operations)('$label answers every error with the contract error body as JSON', ({ operation }) => {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (Number(status) < 400) continue;
      expect({ status, media: Object.keys(response.content ?? {}) }).toEqual({
        status,
        media: ['application/json'],
      });
      const schema = schemaOf(response.content!['application/json'].schema.$ref!);
      expect(schema.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message', 'details']));
      expect(schema.properties?.details.items?.$ref).toBe('#/components/schemas/FieldIssueView');
      expect(response.description).toMatch(/\S/);
    }
  });
});
