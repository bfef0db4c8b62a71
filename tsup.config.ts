import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', 'indexing-worker': 'src/search/indexing-worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  // import.meta.url in the CJS build, so that dict/ is found next to the package in both formats.
  shims: true,
  target: 'node20',
  platform: 'node',
  silent: true,
})
