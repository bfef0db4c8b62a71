import { withCapacity } from './typed-arrays'

/** Postings decoded for scoring, as parallel arrays reused from term to term (see {@link InvertedIndex.readPostings}). */
export class PostingBuffer {
  docs = new Int32Array(INITIAL_CAPACITY)
  tfs = new Int32Array(INITIAL_CAPACITY)

  /** Doubles the room, keeping what is there. */
  grow(): void {
    this.docs = withCapacity(this.docs, this.docs.length * 2)
    this.tfs = withCapacity(this.tfs, this.tfs.length * 2)
  }
}

const INITIAL_CAPACITY = 1024
