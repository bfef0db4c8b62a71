import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/package-root'

const RUNNER = join(packageRoot(), 'tests', 'server', 'serve-runner.ts')
const STARTUP_TIMEOUT_MS = 45_000

let child: ChildProcess | undefined

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  child = undefined
})

function startServe(args: string[]): { process: ChildProcess; url: Promise<string>; stderr: () => string; exited: Promise<number | null> } {
  const process = spawn(globalThis.process.execPath, ['--import', 'tsx', RUNNER, ...args], { cwd: packageRoot(), stdio: ['ignore', 'ignore', 'pipe'] })
  child = process
  let stderr = ''
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), STARTUP_TIMEOUT_MS)
    process.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      const found = /serving \d+ documents at (http:\/\/\S+?)\/? /.exec(stderr)
      if (found) {
        clearTimeout(timer)
        resolve(found[1]!)
      }
    })
  })
  const exited = new Promise<number | null>((resolve) => process.on('exit', (code) => resolve(code)))
  return { process, url, stderr: () => stderr, exited }
}

describe('zhsearch serve', () => {
  it('serves the bundled seeds on 127.0.0.1 and shuts down cleanly on SIGTERM', async () => {
    const serve = startServe(['--port', '0'])
    const url = await serve.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const health = (await (await fetch(`${url}/health`)).json()) as { documents: number }
    expect(health.documents).toBe(5)
    serve.process.kill('SIGTERM')
    expect(await serve.exited).toBe(0)
    expect(serve.stderr()).toContain('SIGTERM, shutting down')
    expect(serve.stderr()).toContain('serve returned')
  })

  it('rejects a bad port as a usage error', async () => {
    const serve = startServe(['--port', '70000'])
    expect(await serve.exited).toBe(1)
    expect(serve.stderr()).toContain('--port must be a whole number')
  })
})
