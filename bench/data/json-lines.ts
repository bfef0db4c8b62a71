import { ZhsearchError } from '../../src/errors'

/** One parsed line of a JSON-lines file, with its 1-based line number for error messages. */
export interface JsonLine {
  record: Record<string, unknown>
  line: number
}

/** The non-empty lines of a JSON-lines text, parsed; a malformed line is INVALID_CORPUS naming file and line. */
export function parseJsonLineRecords(text: string, path: string): JsonLine[] {
  const records: JsonLine[] = []
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    try {
      records.push({ record: JSON.parse(line) as Record<string, unknown>, line: index + 1 })
    } catch {
      throw new ZhsearchError('INVALID_CORPUS', `${path}:${index + 1}: not valid JSON`, { path, line: index + 1 })
    }
  })
  return records
}
