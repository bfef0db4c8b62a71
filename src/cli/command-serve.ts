import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { createServer, type SearchEngine } from '../index'
import { UsageError } from './cli-error'
import { ENGINE_SOURCE_OPTIONS, loadEngine, nameList } from './load-engine'

export const SERVE_USAGE = `zhsearch serve [-i <file.zhs> | -c <corpus>] [--port 7700] [--host 127.0.0.1] [--cors <origin>]`

const DEFAULT_PORT = 7700
/** Loopback only unless asked: a search server holds the documents it was given, so exposing it is a deliberate act. */
const DEFAULT_HOST = '127.0.0.1'
/** Open connections get this long to finish after SIGINT/SIGTERM before they are cut. */
const SHUTDOWN_GRACE_MS = 5_000

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${value}"`)
  return port
}

/**
 * Loads what the first request would otherwise wait for: the entity dictionaries (about a second), jieba's
 * model for a long question, and the suggestions (a few seconds for a large corpus).
 */
function warmUp(engine: SearchEngine): void {
  engine.search(WARM_UP_QUERY)
  engine.suggest(WARM_UP_PREFIX)
}

/** A place, a programme, a figure and a question's length: every lazily loaded part of query analysis. */
const WARM_UP_QUERY = '晋中市县域医共体建设千县工程补贴3000元以上的乡村医生能不能申请'
const WARM_UP_PREFIX = 'yi'

/** Serves the search page and JSON API until SIGINT or SIGTERM, then closes connections and returns. */
export async function commandServe(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...ENGINE_SOURCE_OPTIONS,
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      cors: { type: 'string' },
    },
  })
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${SERVE_USAGE}`)
  if (values.index && values.corpus) throw new UsageError('give either -i <index> or -c <corpus>, not both')
  const port = parsePort(values.port)
  const host = values.host ?? DEFAULT_HOST
  const engine = await loadEngine({ index: values.index, corpus: values.corpus, fields: nameList(values.fields), idField: values['id-field'], filterFields: nameList(values['filter-fields']) })
  warmUp(engine)
  const server = createServer(engine, { cors: values.cors })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
  process.stderr.write(`zhsearch: serving ${engine.size} documents at http://${shown}:${address.port}/ (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      process.stderr.write(`zhsearch: ${signal}, shutting down\n`)
      server.close(() => resolve())
      server.closeIdleConnections()
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
