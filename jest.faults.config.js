// The fault suite (npm run test:faults): real PostgreSQL servers of its own, real app processes from dist/;
// one file at a time, as the scenarios load the machine's cores on purpose.
export default {
  displayName: 'faults',
  rootDir: '.',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
  testTimeout: 180_000,
  maxWorkers: 1,
};
