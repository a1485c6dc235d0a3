import { readFileSync } from 'node:fs';

interface Operation {
  operationId: string;
  summary?: string;
  responses: Record<string, unknown>;
}
const document = JSON.parse(readFileSync('openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    label: `${method.toUpperCase()} ${path}`,
    operation,
  })),
);

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
