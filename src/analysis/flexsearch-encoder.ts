/**
 * A FlexSearch 0.8 encoder built on zhsearch's analysis: FlexSearch users get dictionary segmentation
 * of Chinese (jieba + the health-policy dictionary, traditional → simplified and width folding, the
 * sub-word lattice) instead of FlexSearch's `Charset.CJK`, which splits text into single characters
 * and so cannot tell 单词 from 词单.
 *
 * FlexSearch accepts any object with an `encode(text) => string[]` method as `encoder`, and a bare
 * function as `encode`; tokenisation then happens entirely here, so the index should use the
 * `"strict"` tokenizer (its default), as FlexSearch's "Custom Encoder" documentation asks.
 *
 * @example
 * import { Index } from 'flexsearch'
 * import { createFlexSearchEncoder } from 'zhsearch'
 *
 * const zh = createFlexSearchEncoder()
 * const index = new Index({ tokenize: 'strict', encode: zh.encode })
 * index.add(1, '推进紧密型县域医共体建设')
 * index.search('医共体') // → [1]
 */
import { type Analyzer, type AnalyzerOptions, createAnalyzer } from './index'

/** Options of {@link createFlexSearchEncoder}: an analyzer to reuse, or options for a new one. */
export interface FlexSearchEncoderOptions extends AnalyzerOptions {
  /**
   * The analyzer to segment with. Default: `createAnalyzer(options)`, i.e. zhsearch's defaults
   * (bundled dictionary and stopwords, sub-words on) plus any analyzer options given here.
   * Sub-words matter for FlexSearch: it requires every query term to match, and the sub-words let a
   * query segmented differently from the text (千县工程 vs 千/县/工程) still find it.
   */
  analyzer?: Analyzer
}

/**
 * What FlexSearch calls an encoder: `encode` turns text (a document field or a query) into the terms
 * to index or look up. `encode` is a plain closure, so it can also be passed on its own as the
 * `encode` option.
 */
export interface FlexSearchEncoder {
  readonly encode: (text: string) => string[]
}

/**
 * Creates a FlexSearch encoder that segments with zhsearch's analyzer. Terms come out in text order,
 * each once per call: FlexSearch scores a document by where a term first occurs, and repeats would
 * only cost it time.
 */
export function createFlexSearchEncoder(options: FlexSearchEncoderOptions = {}): FlexSearchEncoder {
  const { analyzer: given, ...analyzerOptions } = options
  const analyzer = given ?? createAnalyzer(analyzerOptions)
  const encode = (text: string): string[] => {
    const terms = new Set<string>()
    analyzer.tokenize(text, (term) => {
      terms.add(term)
    })
    return [...terms]
  }
  return { encode }
}
