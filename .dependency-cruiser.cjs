/** Import rules for src/: checked by `npm run lint` (depcruise). */
const KERNELS = '(common|config|database|logging)';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'Folders of src/ form layers: a folder that imports another is never imported back by it.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycle',
      comment: 'No file reaches itself through its runtime imports (TypeORM entities that relate both ways excepted).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true, pathNot: '\\.entity\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'kernel-knows-no-capability',
      comment: `The kernels ${KERNELS} depend on no capability; what must know every capability lives beside app.module.ts.`,
      severity: 'error',
      from: { path: `^src/${KERNELS}/` },
      to: { path: '^src/', pathNot: `^src/${KERNELS}/` },
    },
    {
      name: 'no-reach-into-capability',
      comment: "Another capability is used through what its index.ts exports, never through its internal files.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', `^src/${KERNELS}/`, '^src/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
