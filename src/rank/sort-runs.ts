/**
 * Sorts numbers that arrive as ascending runs (sorted lists appended one after another, such as one
 * word's positions after another's) by merging neighbouring runs: n·log(runs) steps instead of a full
 * sort's n·log(n), which matters for a long law holding a common word thousands of times.
 */
export function sortRuns(values: ArrayLike<number>): Float64Array {
  const length = values.length
  let source = new Float64Array(length)
  // Where each run starts, and the end.
  let bounds: number[] = [0]
  for (let i = 0; i < length; i++) {
    source[i] = values[i]!
    if (i > 0 && source[i]! < source[i - 1]!) bounds.push(i)
  }
  bounds.push(length)
  let target = new Float64Array(length)
  while (bounds.length > 2) {
    const merged: number[] = [0]
    for (let run = 0; run + 1 < bounds.length; run += 2) {
      const low = bounds[run]!
      const middle = bounds[run + 1]!
      const high = bounds[run + 2] ?? middle
      let left = low
      let right = middle
      let out = low
      while (left < middle && right < high) target[out++] = source[right]! < source[left]! ? source[right++]! : source[left++]!
      while (left < middle) target[out++] = source[left++]!
      while (right < high) target[out++] = source[right++]!
      merged.push(high)
    }
    ;[source, target] = [target, source]
    bounds = merged
  }
  return source
}
