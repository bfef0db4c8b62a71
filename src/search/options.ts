import { availableParallelism } from 'node:os'
import { z } from 'zod'
import { ZhsearchError } from '../errors'
import { ENTITY_FACETS } from './facets'

/**
 * Every option of zhsearch, with its default, in one place. Schemas validate at the boundary; the
 * inferred types are what the rest of the code sees.
 */

const fieldName = z
  .string()
  .min(1)
  .max(128)
  .refine(
    (name) => name !== 'id' && name !== '__proto__' && !name.startsWith('@') && !/[\u0000-\u001f]/.test(name),
    'a field name must not be "id", "__proto__", start with "@" or hold control characters',
  )

export const fieldOptionsSchema = z
  .object({
    /** BM25F weight of the field: a title match with weight 2 counts twice a body match. Default 1. */
    weight: z.number().positive().max(1000).default(1),
  })
  .strict()

export const analysisOptionsSchema = z
  .object({
    /** Extra jieba-format dictionaries (`word [freq] [tag]` lines). Words are added to the process-wide segmenter. */
    userDictionaries: z.array(z.string().min(1)).default([]),
    /** Replace the bundled stopword list. */
    stopwords: z.array(z.string()).optional(),
    /** Index sub-words of coarse words at the same offsets (the lattice). Default true. */
    subwords: z.boolean().default(true),
    /** Expand queries with the bundled synonym and everyday → statutory dictionaries (`dict/synonyms.tsv`, `dict/expansions.tsv`). Default true. */
    synonyms: z.boolean().default(true),
    /** Extra synonym files in the same TSV format (`term<TAB>equivalents<TAB>synonym|expansion<TAB>weight`). Default none. */
    synonymFiles: z.array(z.string().min(1)).default([]),
  })
  .strict()

/** When the engine compacts by itself (see `SearchEngine.compact`): the thresholds of MiniSearch's auto-vacuum. */
export const autoCompactSchema = z
  .object({
    /** Removed and replaced documents still held, at least. Default 20. */
    minDeleted: z.number().int().min(1).default(20),
    /** Their share of all documents held (live and not yet compacted), at least. Default 0.1. */
    minDeletedShare: z.number().min(0).max(1).default(0.1),
  })
  .strict()

export const engineOptionsSchema = z
  .object({
    /** Indexed text fields and their weights, e.g. `{ title: { weight: 2 }, body: {} }`. Default `{ title: {weight: 2}, body: {} }`. */
    fields: z
      .record(fieldName, fieldOptionsSchema)
      .refine((fields) => Object.keys(fields).length > 0, 'at least one field is needed')
      .default({ title: { weight: 2 }, body: { weight: 1 } }),
    /** Name of the id property of documents. Default `id`. */
    idField: z.string().min(1).default('id'),
    /** Non-indexed fields to keep and return with hits (indexed fields are always kept). Default none. */
    storeFields: z.array(z.string().min(1)).default([]),
    /**
     * Document properties to filter and facet on by exact value (`where`, `facets`): a string, number or
     * boolean, or an array of them (a document matches any of its values). Kept with the document like
     * `storeFields`. Default none.
     */
    filterFields: z
      .array(
        fieldName
          .refine((name) => !name.includes('='), 'a filter field name must not hold "="')
          // facets: ['city'] would be ambiguous between the place facet and the filter field.
          .refine((name) => !(ENTITY_FACETS as readonly string[]).includes(name), `a filter field must not be named as an entity facet (${ENTITY_FACETS.join(', ')})`),
      )
      .max(64)
      .refine((names) => new Set(names).size === names.length, 'filter fields must be distinct')
      .default([]),
    /** BM25 parameters: `k1` saturation (default 1.2), `b` length normalisation (default 0.75). */
    bm25: z
      .object({ k1: z.number().min(0).max(10).default(1.2), b: z.number().min(0).max(1).default(0.75) })
      .strict()
      .default({ k1: 1.2, b: 0.75 }),
    analysis: analysisOptionsSchema.default({ userDictionaries: [], subwords: true, synonyms: true, synonymFiles: [] }),
    /** Tag entities (places, programmes, figures, people, organisations) in every document. Default true. */
    entities: z.boolean().default(true),
    /**
     * Compact after a removal once the {@link autoCompactSchema} thresholds are passed: `true` (the
     * default) for the default thresholds, an object for others, `false` to compact only when `compact()`
     * is called or the index is saved.
     */
    autoCompact: z
      .union([z.boolean(), autoCompactSchema])
      .default(true)
      .transform((value) => (value === true ? autoCompactSchema.parse({}) : value)),
  })
  .strict()

export type EngineOptions = z.input<typeof engineOptionsSchema>
export type ResolvedEngineOptions = z.output<typeof engineOptionsSchema>

/** Options of `addAllAsync`. */
export const addAllAsyncOptionsSchema = z
  .object({
    /** Worker threads that analyse documents; the calling thread analyses too while it waits. Default: one fewer than the cores (`os.availableParallelism()`), at least one. */
    workers: z.number().int().min(1).max(64).default(() => Math.max(1, availableParallelism() - 1)),
  })
  .strict()

export type AddAllAsyncOptions = z.input<typeof addAllAsyncOptionsSchema>

/** Snippet options. */
export const snippetOptionsSchema = z
  .object({
    /** Approximate snippet length in characters. Default 80. */
    length: z.number().int().min(10).max(1000).default(80),
    /** `html` wraps matches in `<mark>` and escapes markup; `text` wraps without escaping; `none` returns no markup (use `highlights`). */
    format: z.enum(['html', 'text', 'none']).default('html'),
    /** Opening and closing markers for `html`/`text`. Default `<mark>` and `</mark>`. */
    before: z.string().max(100).default('<mark>'),
    after: z.string().max(100).default('</mark>'),
  })
  .strict()

/** The longest text a filter field's value may hold. */
const MAX_ATTRIBUTE_LENGTH = 1024
/** Values one filter field may list, in a document or in a `where` condition. */
export const MAX_ATTRIBUTE_VALUES = 1000
const attributeValue = z.union([z.string().max(MAX_ATTRIBUTE_LENGTH), z.number().finite(), z.boolean()])
/** What a filter field holds, in a document or in `where`: one value or a list of them. */
export const attributeValuesSchema = z.union([attributeValue, z.array(attributeValue).max(MAX_ATTRIBUTE_VALUES)])

export const searchOptionsSchema = z
  .object({
    /** Hits to return. Default 10, at most 1000. */
    limit: z.number().int().min(0).max(1000).default(10),
    /** Hits to skip (pagination). Default 0. */
    offset: z.number().int().min(0).max(100_000).default(0),
    /** Return a score breakdown per hit. Default false. */
    explain: z.boolean().default(false),
    /** Return each hit's entity mentions. Default false. */
    entities: z.boolean().default(false),
    snippet: snippetOptionsSchema.default({ length: 80, format: 'html', before: '<mark>', after: '</mark>' }),
    /** Entity filters: `{ city: '晋中', program: '千县工程', figure: { unit: '元', min: 3000 } }`. */
    filter: z
      .object({
        city: z.union([z.string(), z.array(z.string())]).optional(),
        program: z.union([z.string(), z.array(z.string())]).optional(),
        person: z.union([z.string(), z.array(z.string())]).optional(),
        org: z.union([z.string(), z.array(z.string())]).optional(),
        figure: z
          .object({ unit: z.string().optional(), min: z.number().optional(), max: z.number().optional(), subject: z.string().optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /**
     * Exact-value filters on the engine's `filterFields`: `{ category: '法律', region: ['北京', '上海'] }`
     * (a list accepts any of its values; every listed field must match). Compared as text after NFKC and trimming.
     */
    where: z.record(z.string(), attributeValuesSchema).optional(),
    /** Facet counts to return: entity facets (`city`, `program`, `person`, `org`) and any of the engine's `filterFields`. */
    facets: z.array(z.string().min(1)).max(64).default([]),
    /** Place level for city facets. Default `prefecture`. */
    facetLevel: z.enum(['province', 'prefecture', 'county', 'township']).default('prefecture'),
  })
  .strict()

export type SearchOptions = z.input<typeof searchOptionsSchema>
export type ResolvedSearchOptions = z.output<typeof searchOptionsSchema>
export type SnippetOptions = z.output<typeof snippetOptionsSchema>

/** Validates with a schema, turning a ZodError into a ZhsearchError with the offending path. */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  code: 'INVALID_OPTIONS' | 'INVALID_QUERY',
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const path = issue.path.join('.')
  throw new ZhsearchError(code, `invalid ${what}${path ? ` at "${path}"` : ''}: ${issue.message}`, { path })
}
