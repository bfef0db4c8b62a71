import { describe, it, expect } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { REPO_ROOT } from './helpers/build-engine'

/**
 * The stage order of src/ (docs: /work/shared/STYLE.md §4): a stage imports only from stages before it
 * or from itself, and across stages only through the stage folder's index.ts. cli/ and server/ are
 * ordinary users: they import the public entry src/index.ts. errors.ts and package-root.ts are
 * importable by anyone.
 */
const STAGES = ['errors', 'analysis', 'entities', 'index', 'query', 'rank', 'search', 'cli', 'server'] as const
type Stage = (typeof STAGES)[number]
/** cli and server come after search and may not import each other. */
const FRONT_ENDS: ReadonlySet<Stage> = new Set(['cli', 'server'])

const SRC = join(REPO_ROOT, 'src')
const PUBLIC_ENTRY = join(SRC, 'index.ts')
const SHARED_FILES = new Set([join(SRC, 'errors.ts'), join(SRC, 'package-root.ts')])

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** Static imports, re-exports and dynamic imports: the module specifiers a file depends on. */
export function importSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  return patterns.flatMap((pattern) => [...withoutComments.matchAll(pattern)].map((match) => match[1]!))
}

/** The file a relative specifier names (extension-less, or a folder with index.ts). */
function resolveSpecifier(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''))
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // try the next form
    }
  }
  return `${base}.ts`
}

function stageOf(file: string): Stage | undefined {
  const [first] = relative(SRC, file).split(/[\\/]/)
  return STAGES.find((stage) => stage === first && first !== relative(SRC, file))
}

function isStageFrontDoor(file: string, stage: Stage): boolean {
  return file === join(SRC, stage, 'index.ts')
}

/** Why an import breaks the rules, or undefined when it is allowed. */
export function violation(importer: string, target: string): string | undefined {
  if (SHARED_FILES.has(target)) return undefined
  const from = stageOf(importer)
  if (importer === PUBLIC_ENTRY) {
    const to = stageOf(target)
    // The server is public API too (createServer, for apps that embed it); its files import only the public entry.
    return to && (!FRONT_ENDS.has(to) || to === 'server') && isStageFrontDoor(target, to) ? undefined : 'the public entry re-exports stage index.ts files only'
  }
  if (from === undefined) return `${relative(SRC, importer)} is outside every stage folder`
  const to = stageOf(target)
  if (FRONT_ENDS.has(from)) {
    if (target === PUBLIC_ENTRY || to === from) return undefined
    return `${from}/ imports only the public entry ('../index'), its own folder, errors and package-root`
  }
  if (target === PUBLIC_ENTRY) return 'an inner stage imports the public entry (a cycle)'
  if (to === undefined) return `imports ${relative(SRC, target)}, which belongs to no stage`
  if (to === from) return undefined
  if (STAGES.indexOf(to) > STAGES.indexOf(from)) return `stage ${from} imports the later stage ${to}`
  if (!isStageFrontDoor(target, to)) return `crosses into ${to}/ through ${relative(SRC, target)} instead of ${to}/index.ts`
  return undefined
}

describe('architecture: imports in src/ follow the stage order', () => {
  const files = sourceFiles(SRC)

  it('finds the source files and their imports', () => {
    expect(files).toContain(PUBLIC_ENTRY)
    expect(files.length).toBeGreaterThan(20)
    expect(importSpecifiers("import { a } from './a'\nimport type { B } from '../b/index'\nexport * from './c'\nconst d = await import('./d')")).toEqual([
      './a',
      '../b/index',
      './c',
      './d',
    ])
    expect(importSpecifiers("import {\n  a,\n  type B,\n} from './multi-line'")).toEqual(['./multi-line'])
  })

  it('the rule itself rejects what it should', () => {
    expect(violation(join(SRC, 'analysis', 'analyzer.ts'), join(SRC, 'search', 'index.ts'))).toMatch(/later stage/)
    expect(violation(join(SRC, 'search', 'x.ts'), join(SRC, 'index', 'inverted-index.ts'))).toMatch(/instead of index\/index.ts/)
    expect(violation(join(SRC, 'cli', 'main.ts'), join(SRC, 'search', 'index.ts'))).toMatch(/public entry/)
    expect(violation(join(SRC, 'rank', 'x.ts'), PUBLIC_ENTRY)).toMatch(/cycle/)
    expect(violation(join(SRC, 'search', 'x.ts'), join(SRC, 'index', 'index.ts'))).toBeUndefined()
    expect(violation(join(SRC, 'cli', 'main.ts'), join(SRC, 'package-root.ts'))).toBeUndefined()
  })

  it('no file imports a later stage, an inner file of another stage, or (cli/server) anything but the public entry', () => {
    const violations: string[] = []
    for (const file of files) {
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue
        const problem = violation(file, resolveSpecifier(file, specifier))
        if (problem) violations.push(`${relative(REPO_ROOT, file)}: '${specifier}' — ${problem}`)
      }
    }
    expect(violations).toEqual([])
  })

  it('zod stays at the edges (options, document intake, persistence decoding, cli)', () => {
    const zodUsers = files.filter((file) => importSpecifiers(readFileSync(file, 'utf8')).some((specifier) => specifier === 'zod' || specifier.startsWith('zod/')))
    for (const file of zodUsers) expect(relative(SRC, file), 'imports zod').toMatch(/^(search[\\/](options|document-intake)|index[\\/]persistence[\\/]|cli[\\/]|server[\\/])/)
  })
})
