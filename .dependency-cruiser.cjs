// The layers, enforced (npm run lint:layers, part of npm test). Each rule names the layer it guards
// and says why; tests, test helpers, e2e, bench and the crash suite may import anything.
const TESTS = '\\.(test|spec)\\.tsx?$|/testing/|^e2e/|^test/|^bench/';
const ELECTRON = '^electron$|node_modules/electron/';

module.exports = {
  forbidden: [
    {
      name: 'core-no-electron',
      comment: "Bad layering: src/core runs under plain Node (CLI, tests); Electron is the shell's business.",
      severity: 'error',
      from: { path: '^src/core/', pathNot: TESTS },
      to: { path: ELECTRON },
    },
    {
      name: 'core-no-outer-layers',
      comment:
        'Bad layering: the core is composed by src/app, the shell and the CLI, and never reaches up to them, ' +
        'to the simulator (it receives a gateway factory), the preload or the renderer.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TESTS },
      to: { path: '^src/(simulator|app|shell|cli|preload|renderer)/' },
    },
    {
      name: 'app-no-electron',
      comment: 'Bad layering: src/app (the composition root) is Electron-free so the e2e harness can run it.',
      severity: 'error',
      from: { path: '^src/app/', pathNot: TESTS },
      to: { path: `${ELECTRON}|^src/(shell|cli|preload|renderer)/` },
    },
    {
      name: 'cli-no-electron-or-window',
      comment: 'Bad layering: the CLI runs under plain Node, without Electron, the preload or the renderer.',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: TESTS },
      to: { path: `${ELECTRON}|^src/(shell|preload|renderer)/` },
    },
    {
      name: 'simulator-stands-alone',
      comment:
        'Bad layering: src/simulator is a stand-alone fake GatewayAPI (demo mode, tests, benchmarks); it speaks ' +
        "GatewayAPI's documented HTTP and must not borrow the core's idea of it, so a core bug cannot hide in both.",
      severity: 'error',
      from: { path: '^src/simulator/', pathNot: TESTS },
      to: { path: `${ELECTRON}|^src/`, pathNot: '^src/(simulator|shared)/' },
    },
    {
      name: 'renderer-only-shared',
      comment: 'Bad layering: the renderer talks to main only through the bridge; it imports src/shared and itself.',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/(renderer|shared)/' },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'Bad layering: the renderer is a sandboxed web page: no Node built-ins, no Electron.',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      comment: 'Bad layering: the renderer is a sandboxed web page: no Electron.',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: TESTS },
      to: { path: ELECTRON },
    },
    {
      name: 'preload-only-electron-and-channels',
      comment:
        'Bad layering: the sandboxed preload is one self-contained file: Electron and the channel names only ' +
        '(types from the contract are erased at build time).',
      severity: 'error',
      from: { path: '^src/preload/', pathNot: TESTS },
      to: { pathNot: `${ELECTRON}|^src/preload/|^src/shared/channels\\.ts$`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-is-the-bottom',
      comment: 'Bad layering: src/shared is used by every side and imports none of them.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'no-test-helpers-in-the-product',
      comment: 'Test helpers (core/testing, shared/testing) start simulators and fake clocks: never in the product.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: '/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
