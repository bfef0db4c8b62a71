import type { EntityChip, FacetCount, Filters, Hit, SearchResponse } from './api-client'

/** DOM builders for the result list, facets and pager. Text always goes in as text, never as markup. */

/** Labels of entity types and facets, as the page shows them. */
export const ENTITY_LABELS: Record<string, string> = { city: '地区', program: '项目', person: '人物', org: '机构', figure: '数字' }
/** Page links shown around the current page. */
const PAGER_SPAN = 3
/** Facet values shown before "more": enough to scan at a glance; the rest is one click away. */
const FACET_VALUES_SHOWN = 8

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * Builds a snippet from the API's HTML, keeping only text and <mark>: the engine escapes the
 * document text, and this keeps the page safe even if some snippet were not.
 */
export function snippetFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body
  const fragment = document.createDocumentFragment()
  for (const node of Array.from(parsed.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) fragment.append(node.textContent ?? '')
    else if (node.nodeName === 'MARK') fragment.append(element('mark', undefined, node.textContent ?? ''))
    else fragment.append(node.textContent ?? '')
  }
  return fragment
}

export interface ResultActions {
  /** A facet value or entity chip was chosen: filter by it. */
  toggleFilter(name: string, value: string): void
  goToPage(page: number): void
}

function chipList(entities: readonly EntityChip[], actions: ResultActions): HTMLElement {
  const list = element('div', 'chips')
  for (const chip of entities) {
    const filterable = chip.type !== 'figure'
    const node = element(filterable ? 'button' : 'span', `chip chip-${chip.type}`, chip.text)
    node.title = `${ENTITY_LABELS[chip.type] ?? chip.type}${chip.count > 1 ? ` · ${chip.count} 次` : ''}`
    node.dataset.testid = 'entity-chip'
    if (filterable && node instanceof HTMLButtonElement) {
      node.type = 'button'
      node.addEventListener('click', () => actions.toggleFilter(chip.type, chip.text))
    }
    list.append(node)
  }
  return list
}

export function hitItem(hit: Hit, actions: ResultActions): HTMLLIElement {
  const item = element('li', 'hit')
  item.dataset.testid = 'hit'
  item.append(element('h2', 'hit-title', hit.title ?? hit.id))
  const snippet = element('p', 'snippet')
  snippet.append(snippetFragment(hit.snippet))
  item.append(snippet)
  const meta = Object.entries(hit.fields).filter(([name, value]) => name !== 'title' && name !== 'id' && String(value).length <= 40)
  if (meta.length > 0) item.append(element('p', 'hit-meta', meta.map(([name, value]) => `${name}: ${String(value)}`).join(' · ')))
  if (hit.entities && hit.entities.length > 0) item.append(chipList(hit.entities, actions))
  return item
}

export function facetPanel(facets: Record<string, FacetCount[]>, filters: Filters, actions: ResultActions): HTMLElement {
  const panel = element('aside', 'facets')
  for (const [name, counts] of Object.entries(facets)) {
    if (counts.length === 0) continue
    const group = element('section', 'facet')
    group.append(element('h3', undefined, ENTITY_LABELS[name] ?? name))
    const list = element('ul')
    for (const [index, count] of counts.entries()) {
      const selected = filters[name]?.includes(count.value) ?? false
      const button = element('button', selected ? 'facet-value selected' : 'facet-value')
      button.type = 'button'
      button.dataset.testid = `facet-${name}`
      button.setAttribute('aria-pressed', String(selected))
      button.append(element('span', 'facet-name', count.value), element('span', 'facet-count', String(count.count)))
      button.addEventListener('click', () => actions.toggleFilter(name, count.value))
      const row = element('li')
      // A selected value stays visible even when it is not among the first few.
      row.hidden = index >= FACET_VALUES_SHOWN && !selected
      row.append(button)
      list.append(row)
    }
    group.append(list)
    if (counts.length > FACET_VALUES_SHOWN) {
      const more = element('button', 'facet-more', `显示全部 ${counts.length} 项`)
      more.type = 'button'
      more.addEventListener('click', () => {
        for (const row of Array.from(list.children)) (row as HTMLElement).hidden = false
        more.remove()
      })
      group.append(more)
    }
    panel.append(group)
  }
  return panel
}

export function pager(result: SearchResponse, actions: ResultActions): HTMLElement {
  const nav = element('nav', 'pager')
  nav.setAttribute('aria-label', '分页')
  const pageSize = Math.max(1, result.limit)
  const pages = Math.ceil(result.total / pageSize)
  const current = Math.floor(result.offset / pageSize)
  if (pages <= 1) return nav
  const link = (page: number, label: string, disabled = false) => {
    const button = element('button', page === current ? 'page current' : 'page', label)
    button.type = 'button'
    button.disabled = disabled || page === current
    if (page === current) button.setAttribute('aria-current', 'page')
    button.addEventListener('click', () => actions.goToPage(page))
    nav.append(button)
  }
  link(current - 1, '上一页', current === 0)
  for (let page = Math.max(0, current - PAGER_SPAN); page <= Math.min(pages - 1, current + PAGER_SPAN); page++) link(page, String(page + 1))
  link(current + 1, '下一页', current >= pages - 1)
  return nav
}
