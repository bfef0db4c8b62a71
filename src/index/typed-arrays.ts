/** A copy of `array` (the same kind of typed array) with room for `length` items: for arrays that grow as they fill. */
export function withCapacity<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const grown = new (array.constructor as new (length: number) => T)(length)
  grown.set(array)
  return grown
}
