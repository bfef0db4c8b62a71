import { fetchResults, fetchSuggestions, type Filters, type SearchResponse } from './api-client'
import { element, ENTITY_LABELS, facetPanel, hitItem, pager, type ResultActions } from './render-results'
import { SuggestBox } from './suggest-box'

/**
 * The search page served at `/`: a search box with suggestions, results with highlighted snippets
 * and entity chips, facet filters and pages. The state (query, page, filters) lives in the address,
 * so a result page can be reloaded, bookmarked and navigated with Back.
 */

const PAGE_SIZE = 10
const FILTER_NAMES = ['city', 'program', 'person', 'org']
const EXAMPLES = ['千县工程', '家庭医生签约', '远程会诊', 'jiating yisheng', 'qxgc']
/** Completions offered when a query finds nothing (a partial word such as 千县 often does). */
const DID_YOU_MEAN = 5

interface PageState {
  query: string
  page: number
  filters: Filters
}

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (!found) throw new Error(`the page lacks #${id}`)
  return found as T
}

function readState(): PageState {
  const params = new URLSearchParams(location.search)
  const filters: Filters = {}
  for (const name of FILTER_NAMES) {
    const values = params.getAll(name)
    if (values.length > 0) filters[name] = values
  }
  return { query: params.get('q') ?? '', page: Math.max(0, Number(params.get('page') ?? 1) - 1) || 0, filters }
}

function writeState(state: PageState): void {
  const params = new URLSearchParams()
  if (state.query) params.set('q', state.query)
  if (state.page > 0) params.set('page', String(state.page + 1))
  for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.append(name, value)
  const search = params.toString()
  history.pushState(null, '', search ? `?${search}` : location.pathname)
}

const input = byId<HTMLInputElement>('q')
const form = byId<HTMLFormElement>('search-form')
const status = byId<HTMLElement>('status')
const results = byId<HTMLElement>('results')
let state = readState()
let requestNumber = 0

const actions: ResultActions = {
  toggleFilter(name, value) {
    const current = state.filters[name] ?? []
    const next = current.includes(value) ? current.filter((selected) => selected !== value) : [...current, value]
    const filters = { ...state.filters, [name]: next }
    if (next.length === 0) delete filters[name]
    navigate({ ...state, page: 0, filters })
  },
  goToPage(page) {
    navigate({ ...state, page })
    window.scrollTo({ top: 0 })
  },
}

function navigate(next: PageState): void {
  state = next
  writeState(state)
  void render()
}

function activeFilters(): HTMLElement {
  const bar = element('div', 'active-filters')
  for (const [name, values] of Object.entries(state.filters)) {
    for (const value of values) {
      const chip = element('button', `chip chip-${name} removable`, `${ENTITY_LABELS[name] ?? name}: ${value} ×`)
      chip.type = 'button'
      chip.dataset.testid = 'active-filter'
      chip.title = '移除筛选'
      chip.addEventListener('click', () => actions.toggleFilter(name, value))
      bar.append(chip)
    }
  }
  return bar
}

function welcome(): void {
  status.textContent = ''
  const intro = element('div', 'empty')
  intro.append(element('p', undefined, '输入关键词搜索，支持拼音（changzhi）和首字母（qxgc）。试试：'))
  const examples = element('p', 'examples')
  for (const example of EXAMPLES) {
    const button = element('button', 'example', example)
    button.type = 'button'
    button.addEventListener('click', () => search(example))
    examples.append(button)
  }
  intro.append(examples)
  results.replaceChildren(intro)
}

function showResults(response: SearchResponse): void {
  const shown = response.rewrittenQuery ? `“${response.rewrittenQuery}”（由拼音“${response.query}”转换）` : `“${response.query}”`
  status.textContent = `${shown}：共 ${response.total} 条结果，用时 ${response.tookMs.toFixed(1)} 毫秒`
  const main = element('section', 'hits-column')
  main.append(activeFilters())
  if (response.hits.length === 0) {
    const empty = element('div', 'empty')
    empty.dataset.testid = 'no-results'
    empty.append(element('p', undefined, `没有找到与${shown}相关的内容。`))
    empty.append(element('p', undefined, Object.keys(state.filters).length > 0 ? '试试去掉筛选条件，或换一个说法。' : '试试更短的词、同义词，或检查错别字。'))
    main.append(empty)
    void offerCompletions(response.query, empty)
  } else {
    const list = element('ol', 'hits')
    list.start = response.offset + 1
    list.append(...response.hits.map((hit) => hitItem(hit, actions)))
    main.append(list, pager(response, actions))
  }
  results.replaceChildren(main, facetPanel(response.facets ?? {}, state.filters, actions))
}

/** Adds "did you mean" buttons for the completions of a query that found nothing. */
async function offerCompletions(query: string, container: HTMLElement): Promise<void> {
  try {
    const { suggestions } = await fetchSuggestions(query, { limit: DID_YOU_MEAN })
    const useful = suggestions.filter((suggestion) => suggestion.text !== query)
    if (useful.length === 0) return
    const line = element('p', 'examples')
    line.append(element('span', undefined, '您是不是要找：'))
    for (const suggestion of useful) {
      const button = element('button', 'example', suggestion.text)
      button.type = 'button'
      button.dataset.testid = 'did-you-mean'
      button.addEventListener('click', () => search(suggestion.text))
      line.append(button)
    }
    container.append(line)
  } catch {
    // Completions are a courtesy here; the no-result message already stands.
  }
}

async function render(): Promise<void> {
  input.value = state.query
  if (state.query.trim() === '') {
    welcome()
    return
  }
  const number = ++requestNumber
  status.textContent = '搜索中…'
  try {
    const response = await fetchResults({ query: state.query, offset: state.page * PAGE_SIZE, limit: PAGE_SIZE, filters: state.filters })
    if (number === requestNumber) showResults(response)
  } catch (error) {
    if (number !== requestNumber) return
    status.textContent = `搜索出错：${(error as Error).message}`
    results.replaceChildren()
  }
}

function search(query: string): void {
  navigate({ query: query.trim(), page: 0, filters: {} })
}

const suggestBox = new SuggestBox(input, byId<HTMLUListElement>('suggestions'), search)
form.addEventListener('submit', (event) => {
  event.preventDefault()
  suggestBox.close()
  search(input.value)
})
window.addEventListener('popstate', () => {
  state = readState()
  void render()
})
void render()
