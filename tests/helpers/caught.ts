import { ZhsearchError } from '../../src/index'

/** The ZhsearchError `action` throws; any other outcome fails the test. */
export function caught(action: () => unknown): ZhsearchError {
  try {
    action()
  } catch (error) {
    if (error instanceof ZhsearchError) return error
    throw error
  }
  throw new Error('expected a ZhsearchError, got none')
}
