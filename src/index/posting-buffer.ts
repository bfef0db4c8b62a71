/** Postings decoded for scoring, as parallel arrays reused from term to term (see {@link InvertedIndex.readPostings}). */
export class PostingBuffer {
  docs = new Int32Array(INITIAL_CAPACITY)
  tfs = new Int32Array(INITIAL_CAPACITY)

  /** Doubles the room, keeping what is there. */
  grow(): void {
    const docs = new Int32Array(this.docs.length * 2)
    docs.set(this.docs)
    this.docs = docs
    const tfs = new Int32Array(this.tfs.length * 2)
    tfs.set(this.tfs)
    this.tfs = tfs
  }
}

const INITIAL_CAPACITY = 1024
