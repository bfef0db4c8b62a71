import { seededRandom } from '../../bench/data/random'
import { describe, it, expect } from 'vitest'
import { DEFAULT_FILTER_KEYS, DEFAULT_MAX_QUERY_LENGTH, parseQuery } from '../../src/query'
import type { EntityFilter, ParsedQuery, QueryClause, TermClause } from '../../src/query'
import { ZhsearchError } from '../../src/errors'

const FIELDS = { fields: ['title', 'body'] }

function text(value: string, occur: TermClause['occur'] = 'should', field?: string): TermClause {
  return field === undefined ? { kind: 'text', text: value, occur } : { kind: 'text', text: value, field, occur }
}

function phrase(value: string, occur: TermClause['occur'] = 'should', field?: string): TermClause {
  return field === undefined ? { kind: 'phrase', text: value, occur } : { kind: 'phrase', text: value, field, occur }
}

function or(clauses: TermClause[], occur: TermClause['occur'] = 'should'): QueryClause {
  return { kind: 'or', clauses, occur }
}

function clausesOf(query: unknown, options = FIELDS): QueryClause[] {
  return parseQuery(query, options).clauses
}

const EMPTY: ParsedQuery = { clauses: [], filters: [], truncated: false }

describe('parseQuery: bare words', () => {
  it('splits on ASCII whitespace and the ideographic space', () => {
    expect(clausesOf('村医 补贴\t晋中\u3000介休\n孕产妇')).toEqual([text('村医'), text('补贴'), text('晋中'), text('介休'), text('孕产妇')])
  })

  it('keeps a Chinese run without spaces as one clause, for the analyzer to segment', () => {
    expect(clausesOf('晋中市孕产妇死亡率是多少')).toEqual([text('晋中市孕产妇死亡率是多少')])
  })

  it('keeps inner hyphens, colons and punctuation as text', () => {
    expect(clausesOf('COVID-19 0-3岁 12:30 http://x.cn/a?b=1 C++')).toEqual([
      text('COVID-19'), text('0-3岁'), text('12:30'), text('http://x.cn/a?b=1'), text('C++'),
    ])
  })

  it('treats lower-case "or" and "and" as words', () => {
    expect(clausesOf('rock or roll and')).toEqual([text('rock'), text('or'), text('roll'), text('and')])
  })
})

describe('parseQuery: phrases', () => {
  it.each([
    ['"医共体建设"', 'ASCII quotes'],
    ['“医共体建设”', 'Chinese curly quotes'],
    ['「医共体建设」', 'corner brackets'],
    ['『医共体建设』', 'white corner brackets'],
    ['＂医共体建设＂', 'full-width quotes'],
    ['“医共体建设“', 'two opening curly quotes, as IMEs often type'],
    ['”医共体建设”', 'two closing curly quotes'],
  ])('%s (%s) is a phrase', (query) => {
    expect(clausesOf(query)).toEqual([phrase('医共体建设')])
  })

  it('trims a phrase and collapses its inner whitespace', () => {
    expect(clausesOf('"  县域  医共体\u3000建设 "')).toEqual([phrase('县域 医共体 建设')])
  })

  it('keeps operators inside a phrase literally', () => {
    expect(clausesOf('"村医 OR -乡村医生 title:x"')).toEqual([phrase('村医 OR -乡村医生 title:x')])
  })

  it('treats a quote as a delimiter inside a run of text', () => {
    expect(clausesOf('关于"千县工程"的通知')).toEqual([text('关于'), phrase('千县工程'), text('的通知')])
  })

  it('only closes a corner bracket with its own closer', () => {
    expect(clausesOf('「他说“好”」')).toEqual([phrase('他说“好”')])
  })
})

describe('parseQuery: + and -', () => {
  it('marks +word as must and -word as must_not', () => {
    expect(clausesOf('+村医 -试点 补贴')).toEqual([text('村医', 'must'), text('试点', 'must_not'), text('补贴')])
  })

  it('applies to phrases', () => {
    expect(clausesOf('-"试点 县" +“千县工程”')).toEqual([phrase('试点 县', 'must_not'), phrase('千县工程', 'must')])
  })

  it('reads a run of signs as one, with - winning', () => {
    expect(clausesOf('--a ++b +-c -+d')).toEqual([text('a', 'must_not'), text('b', 'must'), text('c', 'must_not'), text('d', 'must_not')])
  })

  it('drops a sign with nothing after it', () => {
    expect(clausesOf('- 村医 + -- 补贴 -')).toEqual([text('村医'), text('补贴')])
  })
})

describe('parseQuery: OR', () => {
  it.each(['村医 OR 乡村医生', '村医 | 乡村医生', '村医 || 乡村医生', '村医 或 乡村医生', '村医 ｜ 乡村医生'])('%s is an or group', (query) => {
    expect(clausesOf(query)).toEqual([or([text('村医'), text('乡村医生')])])
  })

  it('binds tighter than the space between clauses', () => {
    expect(clausesOf('晋中 村医 OR 乡村医生 补贴')).toEqual([text('晋中'), or([text('村医'), text('乡村医生')]), text('补贴')])
  })

  it('chains several alternatives into one group', () => {
    expect(clausesOf('a OR b OR "c d" | e')).toEqual([or([text('a'), text('b'), phrase('c d'), text('e')])])
  })

  it('takes the group occur from a sign on the first operand', () => {
    expect(clausesOf('+村医 OR 乡村医生 -试点 OR 示范')).toEqual([
      or([text('村医'), text('乡村医生')], 'must'),
      or([text('试点'), text('示范')], 'must_not'),
    ])
  })

  it('keeps each operand field', () => {
    expect(clausesOf('title:条例 OR 办法')).toEqual([or([text('条例', 'should', 'title'), text('办法')])])
  })

  it('drops an OR whose right operand carries its own sign', () => {
    expect(clausesOf('村医 OR -试点')).toEqual([text('村医'), text('试点', 'must_not')])
  })

  it.each([
    ['OR 村医', [text('村医')]],
    ['村医 OR', [text('村医')]],
    ['OR', []],
    ['| | ||', []],
    ['村医 OR OR 乡村医生', [or([text('村医'), text('乡村医生')])]],
    ['村医 OR city:晋中 补贴', [text('村医'), text('补贴')]],
    ['city:晋中 OR 补贴', [text('补贴')]],
  ])('drops a stray OR: %s', (query, expected) => {
    expect(clausesOf(query)).toEqual(expected)
  })

  it('makes -OR a word to exclude, not an operator', () => {
    expect(clausesOf('a -OR b')).toEqual([text('a'), text('OR', 'must_not'), text('b')])
  })
})

describe('parseQuery: AND', () => {
  it('drops AND and &&, since clauses are already combined', () => {
    expect(clausesOf('村医 AND 补贴 && 晋中')).toEqual([text('村医'), text('补贴'), text('晋中')])
  })
})

describe('parseQuery: fields', () => {
  it('scopes a word or a phrase to a field', () => {
    expect(clausesOf('title:条例 body:"乡村 医生"')).toEqual([text('条例', 'should', 'title'), phrase('乡村 医生', 'should', 'body')])
  })

  it('matches field names case-insensitively and returns them as configured', () => {
    expect(clausesOf('TITLE:条例', { fields: ['Title'] })).toEqual([text('条例', 'should', 'Title')])
  })

  it('combines with + and -', () => {
    expect(clausesOf('-title:草案 +body:"医共体"')).toEqual([text('草案', 'must_not', 'title'), phrase('医共体', 'must', 'body')])
  })

  it('keeps the rest of the word after the first colon', () => {
    expect(clausesOf('title:a:b')).toEqual([text('a:b', 'should', 'title')])
  })

  it('treats an unknown prefix as text, and every prefix as text when no fields are configured', () => {
    expect(clausesOf('author:张三 title:条例', { fields: ['title'] })).toEqual([text('author:张三'), text('条例', 'should', 'title')])
    expect(parseQuery('title:条例').clauses).toEqual([text('title:条例')])
  })

  it('drops a field with no value', () => {
    expect(clausesOf('title: 条例 body:')).toEqual([text('条例')])
  })

  it('accepts a full-width colon', () => {
    expect(clausesOf('title：条例')).toEqual([text('条例', 'should', 'title')])
  })

  it('prefers a field over a filter key of the same name', () => {
    expect(parseQuery('city:晋中', { fields: ['city'] })).toEqual({ clauses: [text('晋中', 'should', 'city')], filters: [], truncated: false })
  })
})

describe('parseQuery: entity filters', () => {
  it('reads the default keys into filters, out of the text clauses', () => {
    expect(parseQuery('city:晋中 program:千县工程 村医 person:张三 org:淄博市中心医院')).toEqual({
      clauses: [text('村医')],
      filters: [
        { key: 'city', value: '晋中', exclude: false },
        { key: 'program', value: '千县工程', exclude: false },
        { key: 'person', value: '张三', exclude: false },
        { key: 'org', value: '淄博市中心医院', exclude: false },
      ],
      truncated: false,
    })
    expect(DEFAULT_FILTER_KEYS).toEqual(['city', 'program', 'figure', 'person', 'org'])
  })

  it('gives an empty text query with filters (browse mode)', () => {
    const parsed = parseQuery('city:晋中')
    expect(parsed.clauses).toEqual([])
    expect(parsed.filters).toHaveLength(1)
  })

  it('reads -key:value as an exclusion and +key:value as a plain filter', () => {
    expect(parseQuery('-city:晋中 +program:千县工程').filters).toEqual([
      { key: 'city', value: '晋中', exclude: true },
      { key: 'program', value: '千县工程', exclude: false },
    ])
  })

  it('accepts a quoted value', () => {
    expect(parseQuery('program:“村医 双百计划”').filters).toEqual([{ key: 'program', value: '村医 双百计划', exclude: false }])
  })

  it('uses the configured keys only', () => {
    expect(parseQuery('region:山西 city:晋中', { filterKeys: ['region'] })).toEqual({
      clauses: [text('city:晋中')],
      filters: [{ key: 'region', value: '山西', exclude: false }],
      truncated: false,
    })
  })

  it('drops a filter without a value or with only punctuation', () => {
    expect(parseQuery('city: city:。。 村医')).toEqual({ clauses: [text('村医')], filters: [], truncated: false })
  })
})

describe('parseQuery: figure ranges', () => {
  it.each<[string, EntityFilter['range']]>([
    ['元>=3000', { unit: '元', min: 3000 }],
    ['>=3000元', { unit: '元', min: 3000 }],
    ['>3000元', { unit: '元', min: 3000 }],
    ['≥3000元', { unit: '元', min: 3000 }],
    ['＞＝３０００元', { unit: '元', min: 3000 }],
    ['3000元以上', { unit: '元', min: 3000 }],
    ['<=5000元', { unit: '元', max: 5000 }],
    ['5000元以下', { unit: '元', max: 5000 }],
    ['3000..5000元', { unit: '元', min: 3000, max: 5000 }],
    ['3000元..5000元', { unit: '元', min: 3000, max: 5000 }],
    ['3000~5000元', { unit: '元', min: 3000, max: 5000 }],
    ['3000～5000元', { unit: '元', min: 3000, max: 5000 }],
    ['3000-5000元', { unit: '元', min: 3000, max: 5000 }],
    ['3000至5000元', { unit: '元', min: 3000, max: 5000 }],
    ['5000..3000元', { unit: '元', min: 3000, max: 5000 }],
    ['1万..2万元', { unit: '元', min: 10000, max: 20000 }],
    ['43.66亿元', { unit: '元', min: 4366000000, max: 4366000000 }],
    ['3,000元', { unit: '元', min: 3000, max: 3000 }],
    ['1万..', { min: 10000 }],
    ['..2亿元', { unit: '元', max: 200000000 }],
    ['>=45%', { unit: '%', min: 0.45 }],
    ['45%以下', { unit: '%', max: 0.45 }],
    ['1.2‰', { unit: '‰', min: 0.0012, max: 0.0012 }],
    ['3.1/10万', { unit: '/10万', min: 0.000031, max: 0.000031 }],
    ['>=4.5个百分点', { unit: '个百分点', min: 4.5 }],
    ['补贴>=3000元', { subject: '补贴', unit: '元', min: 3000 }],
    ['3000', { min: 3000, max: 3000 }],
    ['元', { unit: '元' }],
    ['%', { unit: '%' }],
  ])('figure:%s', (value, range) => {
    expect(parseQuery(`figure:${value}`).filters).toEqual([{ key: 'figure', value, exclude: false, range }])
  })

  it.each(['>=', '1..2..3', '>=3000以上', '1e999999', '3000>=元', '9'.repeat(400)])('keeps figure:%s as a value without a range', (value) => {
    expect(parseQuery(`figure:${value}`).filters).toEqual([{ key: 'figure', value, exclude: false }])
  })
})

describe('parseQuery: full-width operators', () => {
  it('normalises ＋ － ： ＂ ｜ and keeps the text as typed', () => {
    expect(parseQuery('＋村医 －试点 ｜ ＡＢＣ title：条例 ＂千县工程＂ city：晋中', FIELDS)).toEqual({
      clauses: [text('村医', 'must'), or([text('试点'), text('ＡＢＣ')], 'must_not'), text('条例', 'should', 'title'), phrase('千县工程')],
      filters: [{ key: 'city', value: '晋中', exclude: false }],
      truncated: false,
    })
  })
})

describe('parseQuery: hostile input', () => {
  it.each([undefined, null, 42, {}, [], ['村医'], Symbol('q'), () => '村医', new String('村医')])('returns an empty query for a non-string (%s)', (input) => {
    expect(parseQuery(input)).toEqual(EMPTY)
  })

  it.each(['', '   ', '\u3000\t\n', '!!!', '。，、？！', '—— …… ·', '-- + - | OR AND', '"', '""', '“”', '" "', '「」『』', ':::', 'title:'])(
    'returns an empty query for %j',
    (query) => {
      expect(parseQuery(query, FIELDS)).toEqual(EMPTY)
    },
  )

  it.each([
    ['"医共体 建设', [text('医共体'), text('建设')]],
    ['医共体 建设"', [text('医共体'), text('建设')]],
    ['-"试点 县', [text('试点', 'must_not'), text('县')]],
    ['title:"条例 办法', [text('条例', 'should', 'title'), text('办法')]],
    ['"a" "b', [phrase('a'), text('b')]],
    ['「医共体 -建设', [text('医共体'), text('建设', 'must_not')]],
    ['医共体」建设', [text('医共体'), text('建设')]],
    ['"a" "b" "', [phrase('a'), phrase('b')]],
  ])('ignores the unbalanced quote in %j and parses the rest', (query, expected) => {
    expect(clausesOf(query)).toEqual(expected)
  })

  it('truncates a 10,000-character query at maxLength and says so', () => {
    const parsed = parseQuery('村医 '.repeat(3334))
    expect(parsed.truncated).toBe(true)
    expect(parsed.clauses).toHaveLength(Math.ceil(DEFAULT_MAX_QUERY_LENGTH / 3))
  })

  it('does not flag a query of exactly maxLength as truncated', () => {
    expect(parseQuery('a'.repeat(DEFAULT_MAX_QUERY_LENGTH)).truncated).toBe(false)
  })

  it('never cuts a surrogate pair in half', () => {
    const parsed = parseQuery('a😀😀', { maxLength: 4 })
    expect(parsed).toEqual({ clauses: [text('a😀')], filters: [], truncated: true })
  })

  it('honours a custom maxLength, including zero', () => {
    expect(parseQuery('村医 补贴', { maxLength: 2 })).toEqual({ clauses: [text('村医')], filters: [], truncated: true })
    expect(parseQuery('村医', { maxLength: 0 })).toEqual({ ...EMPTY, truncated: true })
  })

  it('keeps emoji, including joined sequences, as text', () => {
    expect(clausesOf('👨‍👩‍👧 医院🏥 "😀 好"')).toEqual([text('👨‍👩‍👧'), text('医院🏥'), phrase('😀 好')])
  })

  it('replaces lone surrogates with U+FFFD and drops words made only of them', () => {
    expect(clausesOf('a\uD800b \uDC00 \uD83D')).toEqual([text('a\uFFFDb')])
  })

  it('treats control characters and zero-width spaces as spaces', () => {
    expect(clausesOf('村医\u0000补贴\u0007晋中\u009f介休\u200b长治\u007f')).toEqual([text('村医'), text('补贴'), text('晋中'), text('介休'), text('长治')])
  })

  it('does not let __proto__ or constructor pollute anything', () => {
    const parsed = parseQuery('__proto__:x constructor:y prototype:z __proto__:"a b"', FIELDS)
    expect(parsed.clauses).toEqual([text('__proto__:x'), text('constructor:y'), text('prototype:z'), text('__proto__:'), phrase('a b')])
    expect(({} as Record<string, unknown>)['x']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('x')
  })

  it('treats __proto__ as an ordinary name when an app configures it', () => {
    const parsed = parseQuery('__proto__:x constructor:y', { fields: ['__proto__'], filterKeys: ['constructor'] })
    expect(parsed).toEqual({
      clauses: [text('x', 'should', '__proto__')],
      filters: [{ key: 'constructor', value: 'y', exclude: false }],
      truncated: false,
    })
    expect(Object.getPrototypeOf(parsed.clauses[0])).toBe(Object.prototype)
    expect(Object.prototype).not.toHaveProperty('x')
  })

  it('treats null options like no options', () => {
    expect(parseQuery('city:晋中', null).filters).toEqual([{ key: 'city', value: '晋中', exclude: false }])
  })

  it('throws INVALID_OPTIONS for malformed options, which are a programming error', () => {
    const bad: unknown[] = [{ maxLength: -1 }, { maxLength: 1.5 }, { maxLength: Number.NaN }, { fields: 'title' }, { filterKeys: [''] }, { fields: [1] }]
    for (const options of bad) {
      expect(() => parseQuery('村医', options as never)).toThrow(ZhsearchError)
      try {
        parseQuery('村医', options as never)
      } catch (error) {
        expect((error as ZhsearchError).code).toBe('INVALID_OPTIONS')
      }
    }
  })
})

const ALPHABET = [
  ' ', ' ', ' ', '\u3000', '\t', '\u0000', '"', '＂', '“', '”', '「', '」', '『', '』', '-', '－', '+', '＋', ':', '：', '|',
  'OR ', ' OR ', '或', 'AND', '..', '>=', '<', '~', '%', '万', '元', '1', '3000', '.', ',', 'title:', 'city:', 'figure:',
  '__proto__:', 'constructor', '村', '医', '晋中', '千县工程', 'a', 'Z', '😀', '👨‍👩‍👧', '\uD800', '\uDC00', '\uD83D', '。', '！', '\u200b',
]
const RANDOM_CASES = 3000
const LINEAR_TIME_BOUND_MS = 2000
const RANDOM_MAX_PIECES = 60

function randomQuery(random: () => number): string {
  const pieces = Math.floor(random() * RANDOM_MAX_PIECES)
  let query = ''
  for (let i = 0; i < pieces; i++) query += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return query
}

const SEARCHABLE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u
const LONE_SURROGATE = /\p{Surrogate}/u
const CONTROL = /\p{Cc}/u
const OCCURS = new Set(['should', 'must', 'must_not'])

function expectWellFormedTerm(clause: TermClause, fields: readonly string[]): void {
  expect(['text', 'phrase']).toContain(clause.kind)
  expect(OCCURS.has(clause.occur)).toBe(true)
  expect(SEARCHABLE.test(clause.text)).toBe(true)
  expect(LONE_SURROGATE.test(clause.text) || CONTROL.test(clause.text)).toBe(false)
  if (clause.kind === 'text') expect(clause.text).not.toMatch(/[\s"“”「」『』]/u)
  else expect(clause.text).toBe(clause.text.trim().split(/\s+/u).join(' '))
  if (clause.field !== undefined) expect(fields).toContain(clause.field)
}

function expectWellFormed(parsed: ParsedQuery, fields: readonly string[]): void {
  expect(Object.keys(parsed).sort()).toEqual(['clauses', 'filters', 'truncated'])
  for (const clause of parsed.clauses) {
    if (clause.kind !== 'or') {
      expectWellFormedTerm(clause, fields)
      continue
    }
    expect(OCCURS.has(clause.occur)).toBe(true)
    expect(clause.clauses.length).toBeGreaterThanOrEqual(2)
    for (const operand of clause.clauses) {
      expectWellFormedTerm(operand, fields)
      expect(operand.occur).toBe('should')
    }
  }
  for (const filter of parsed.filters) {
    expect(DEFAULT_FILTER_KEYS).toContain(filter.key)
    expect(filter.value.length).toBeGreaterThan(0)
    expect(typeof filter.exclude).toBe('boolean')
    const { min, max } = filter.range ?? {}
    for (const bound of [min, max]) if (bound !== undefined) expect(Number.isFinite(bound)).toBe(true)
    if (min !== undefined && max !== undefined) expect(min).toBeLessThanOrEqual(max)
  }
  expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed)
}

describe('parseQuery: random input', () => {
  it(`never throws and returns a well-formed, deterministic result for ${RANDOM_CASES} random queries`, () => {
    const random = seededRandom(20261124)
    const fields = ['title', '__proto__']
    for (let i = 0; i < RANDOM_CASES; i++) {
      const query = randomQuery(random)
      let parsed: ParsedQuery | undefined
      expect(() => {
        parsed = parseQuery(query, { fields })
      }, JSON.stringify(query)).not.toThrow()
      if (parsed === undefined) continue
      expectWellFormed(parsed, fields)
      expect(parseQuery(query, { fields })).toEqual(parsed)
    }
  })

  it.each([
    ['unmatched openers', '「'.repeat(200_000)],
    ['alternating quotes', '“a'.repeat(100_000)],
    ['ASCII quotes', '"'.repeat(200_000) + '"a'],
    ['signs', '-+'.repeat(100_000) + 'a'],
    ['colons', 'title:'.repeat(40_000)],
    ['OR chain', 'a OR '.repeat(40_000)],
    ['figure numbers', 'figure:' + '1.'.repeat(100_000)],
    ['figure range', 'figure:' + '>'.repeat(100_000) + '1'],
    ['one long word', '医'.repeat(200_000)],
  ])('runs in linear time on about 200,000 characters of %s', (_name, query) => {
    const started = performance.now()
    const parsed = parseQuery(query, { fields: ['title'], maxLength: query.length })
    // Linear parsing takes well under 100 ms here; a quadratic step would take minutes, so the bound has room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(LINEAR_TIME_BOUND_MS)
    expect(parsed.truncated).toBe(false)
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed)
  })
})
