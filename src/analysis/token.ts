/**
 * One unit of analysed text. `text` is the normalised term that goes into the index; `start`/`end`
 * are UTF-16 offsets into the ORIGINAL text (so highlighting works even after width folding or
 * traditional → simplified conversion).
 *
 * `position` is the token's start offset as well: positions are character offsets rather than token
 * ordinals, so a coarse word and the sub-words inside it (the lattice) share one coordinate system,
 * and a phrase matches wherever its characters stand next to each other, however the segmenter cut them.
 * `positionLength` is `end - start`. `subword` marks lattice tokens that lie inside a coarse word.
 */
export interface Token {
  text: string
  start: number
  end: number
  position: number
  positionLength: number
  subword: boolean
}
