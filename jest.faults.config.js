// The fault suite (npm run test:faults): real PostgreSQL servers of its own, real app processes from dist/;
// one file at a time, as the scenarios load the machine's cores on purpose.
export default {
  displayName: 'faults',
  rootDir: '.',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    // as in jest.config.js: content-disposition (Swagger UI's files, for the test-app harness) as CommonJS
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { useESM: false, tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@fastify/static/node_modules/)?content-disposition/)'],
  testEnvironment: 'node',
  testTimeout: 180_000,
  maxWorkers: 1,
};
