import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './build-engine'

/** The built files the package publishes; `npm test` builds them first (pretest), a bare `vitest` may not have. */
export const DIST_FILES = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/cli.js', 'dist/indexing-worker.js'].map((file) => join(REPO_ROOT, file))

const LOCK = join(tmpdir(), 'zhsearch-test-build.lock')
const POLL_MS = 200
const BUILD_TIMEOUT_MS = 120_000

function isBuilt(): boolean {
  return DIST_FILES.every((file) => existsSync(file))
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Builds dist/ with tsup when it is missing. Test files run in parallel processes, so one builds
 * (holding a lock directory: mkdir is atomic) while the others wait; tsup's `clean` would otherwise
 * delete what a concurrent build just wrote.
 */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS
  while (!isBuilt()) {
    let owner = false
    try {
      mkdirSync(LOCK)
      owner = true
    } catch {
      if (Date.now() > deadline) throw new Error(`dist/ was not built within ${BUILD_TIMEOUT_MS} ms (stale lock ${LOCK}?)`)
      await sleep(POLL_MS)
      continue
    }
    try {
      if (!isBuilt()) execFileSync('npx', ['tsup'], { cwd: REPO_ROOT, stdio: 'ignore' })
    } finally {
      if (owner) rmdirSync(LOCK)
    }
  }
}
