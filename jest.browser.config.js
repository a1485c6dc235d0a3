// `npm run test:browser`: the pages in Debian's Chromium (test/browser). Kept out of `npm test`'s projects.
import { common } from './jest.config.js';

export default {
  ...common,
  displayName: 'browser',
  rootDir: '.',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
