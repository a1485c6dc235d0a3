// ESM jest: NestJS 12 ships ES modules only (see README, "Tests").
const [major, minor] = process.versions.node.split('.').map(Number);
const jestRequiresEsm = major > 24 || (major === 24 && minor >= 9);
const contentDispositionAsCommonJs = {
  '/node_modules/content-disposition/.+\\.js$': [
    'ts-jest',
    { useESM: false, tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true } },
  ],
};

export const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    // @fastify/static (Swagger UI's files) require()s content-disposition, which is ES modules only. Node runs that
    // (require of ESM); Jest's own loader does so only from Node 24.9, so before that this one package is compiled
    // to CommonJS under Jest (from 24.9 compiling it breaks it: Jest loads it as ES modules still).
    ...(jestRequiresEsm ? {} : contentDispositionAsCommonJs),
  },
  ...(jestRequiresEsm
    ? {}
    : { transformIgnorePatterns: ['/node_modules/(?!(@fastify/static/node_modules/)?content-disposition/)'] }),
  testEnvironment: 'node',
};

export default {
  // a per-project testTimeout is ignored by jest; booting an app on a fresh database can take seconds on 2 cores
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', rootDir: 'src', testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
