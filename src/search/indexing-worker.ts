/**
 * The worker-thread side of {@link SearchEngine.addAllAsync}: analyses batches of documents (segmentation,
 * sub-words, entities) and posts the results back. Built to `dist/indexing-worker.js`; each worker loads
 * its own segmenter and dictionaries once.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { analyzeDocument, analyzerFor, type AnalyzedDocument, type DocumentAnalysisConfig } from './document-analysis'

export interface AnalysisRequest {
  batch: number
  texts: (string | undefined)[][]
}

export type AnalysisReply = { batch: number; documents: AnalyzedDocument[] } | { batch: number; error: string }

if (parentPort) {
  const port = parentPort
  const config = workerData as DocumentAnalysisConfig
  const analyzer = analyzerFor(config)
  port.on('message', ({ batch, texts }: AnalysisRequest) => {
    try {
      const documents = texts.map((fieldTexts) => analyzeDocument(fieldTexts, analyzer, config))
      // Transferred, not copied: the positions are most of the message.
      const transfer = documents.flatMap((document) => document.fields.flatMap((field) => (field ? [field.positions.buffer as ArrayBuffer] : [])))
      port.postMessage({ batch, documents } satisfies AnalysisReply, transfer)
    } catch (error) {
      port.postMessage({ batch, error: (error as Error).message } satisfies AnalysisReply)
    }
  })
}
