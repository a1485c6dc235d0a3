// The fault suite (npm run test:faults): real PostgreSQL servers of its own, real app processes from dist/;
// one file at a time, as the scenarios load the machine's cores on purpose.
import base from './jest.config.js';

// as in jest.config.js (content-disposition for the test-app harness, by Node version)
const { transform, transformIgnorePatterns } = base.projects[0];

export default {
  displayName: 'faults',
  rootDir: '.',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform,
  ...(transformIgnorePatterns ? { transformIgnorePatterns } : {}),
  testEnvironment: 'node',
  testTimeout: 180_000,
  maxWorkers: 1,
};
