import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ZhsearchError } from '../errors'
import { packageRoot } from '../package-root'

/**
 * The data rows of a tab-separated file in `dict/`: comment lines (#) and blank lines are skipped,
 * each row is split on tabs. Throws INVALID_DICTIONARY when the file is missing.
 */
export function readDictionaryRows(fileName: string): string[][] {
  const path = join(packageRoot(), 'dict', fileName)
  let content: string
  try {
    content = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new ZhsearchError('INVALID_DICTIONARY', `zhsearch: cannot read dictionary ${path}`, { path, cause: String(cause) })
  }
  const rows: string[][] = []
  for (const line of content.split(/\r?\n/)) {
    if (line.length === 0 || line.startsWith('#')) continue
    rows.push(line.split('\t'))
  }
  return rows
}
