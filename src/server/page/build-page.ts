import { copyFile, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { packageRoot } from '../../package-root'

/**
 * Builds the search page into a folder the server serves: `app.ts` (and what it imports) bundled into
 * one `app.js` for current browsers, plus `index.html` and `style.css` copied as they are. esbuild is
 * the bundler tsup already runs on, so the page costs no new dependency. Part of the package build:
 *
 *   npx tsx src/server/page/build-page.ts [outDir]      (default: dist/static)
 */

/** Where the page's sources live, found from the package root so that this also works when tsup bundles a config that imports it. */
export function pageSourceDir(): string {
  return join(packageRoot(), 'src', 'server', 'page')
}

/** Browsers from 2020 on: ES modules, optional chaining, fetch with AbortController. */
const BROWSER_TARGET = 'es2020'

/** Writes app.js, index.html and style.css into `outDir`. */
export async function buildPage(outDir: string): Promise<void> {
  const source = pageSourceDir()
  await mkdir(outDir, { recursive: true })
  await build({
    entryPoints: [join(source, 'app.ts')],
    bundle: true,
    format: 'esm',
    target: BROWSER_TARGET,
    minify: true,
    sourcemap: false,
    outfile: join(outDir, 'app.js'),
    logLevel: 'warning',
  })
  await Promise.all(['index.html', 'style.css'].map((file) => copyFile(join(source, file), join(outDir, file))))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(packageRoot(), 'dist', 'static'))
  buildPage(outDir).then(
    () => process.stdout.write(`search page built in ${outDir}\n`),
    (error: unknown) => {
      process.stderr.write(`build-page: ${(error as Error).message}\n`)
      process.exitCode = 1
    },
  )
}
