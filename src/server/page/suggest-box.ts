import { fetchSuggestions, type Suggestion } from './api-client'
import { element } from './render-results'

/**
 * Suggestions under the search box as the user types, following the ARIA combobox pattern:
 * ↓/↑ move through the list, Enter takes the highlighted suggestion (or submits what was typed),
 * Esc closes the list, a click takes a suggestion.
 */

/** Wait this long after a keystroke before asking: fast typists send one request per pause, not per key. */
const TYPING_PAUSE_MS = 60
const KIND_LABELS: Record<Suggestion['kind'], string> = { term: '词', title: '标题', phrase: '短语', entity: '实体' }

export class SuggestBox {
  private suggestions: Suggestion[] = []
  private active = -1
  private pending: AbortController | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly submit: (query: string) => void,
  ) {
    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-controls', list.id)
    input.setAttribute('aria-expanded', 'false')
    list.setAttribute('role', 'listbox')
    input.addEventListener('input', () => this.schedule())
    input.addEventListener('keydown', (event) => this.onKey(event))
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150))
  }

  private schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.load(this.input.value), TYPING_PAUSE_MS)
  }

  private async load(query: string): Promise<void> {
    this.pending?.abort()
    if (query.trim() === '') {
      this.close()
      return
    }
    const controller = new AbortController()
    this.pending = controller
    try {
      const { suggestions } = await fetchSuggestions(query, { signal: controller.signal })
      if (controller.signal.aborted || query !== this.input.value) return
      this.show(suggestions)
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.close()
    }
  }

  private show(suggestions: Suggestion[]): void {
    // A list that arrives while the user is moving through the previous one keeps their place.
    const previous = this.suggestions[this.active]?.text
    this.suggestions = suggestions
    this.active = -1
    this.list.replaceChildren(
      ...suggestions.map((suggestion, index) => {
        const item = element('li', 'suggestion')
        item.id = `${this.list.id}-${index}`
        item.setAttribute('role', 'option')
        item.dataset.testid = 'suggestion'
        item.append(element('span', 'suggestion-text', suggestion.text), element('span', `suggestion-kind kind-${suggestion.kind}`, KIND_LABELS[suggestion.kind]))
        // mousedown, not click: it fires before the input's blur closes the list.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault()
          this.choose(index)
        })
        return item
      }),
    )
    this.list.hidden = suggestions.length === 0
    this.input.setAttribute('aria-expanded', String(suggestions.length > 0))
    this.highlight(suggestions.findIndex((suggestion) => suggestion.text === previous))
  }

  close(): void {
    clearTimeout(this.timer)
    this.pending?.abort()
    this.suggestions = []
    this.list.hidden = true
    this.list.replaceChildren()
    this.input.setAttribute('aria-expanded', 'false')
    this.input.removeAttribute('aria-activedescendant')
  }

  private highlight(index: number): void {
    this.active = index
    Array.from(this.list.children).forEach((item, at) => item.setAttribute('aria-selected', String(at === index)))
    if (index >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${index}`)
    else this.input.removeAttribute('aria-activedescendant')
  }

  private choose(index: number): void {
    const suggestion = this.suggestions[index]
    if (!suggestion) return
    this.input.value = suggestion.text
    this.close()
    this.submit(suggestion.text)
  }

  private onKey(event: KeyboardEvent): void {
    const open = !this.list.hidden && this.suggestions.length > 0
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault()
      this.highlight((this.active + 1) % this.suggestions.length)
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault()
      this.highlight(this.active <= 0 ? this.suggestions.length - 1 : this.active - 1)
    } else if (event.key === 'Escape') {
      this.close()
    } else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault()
      if (open && this.active >= 0) this.choose(this.active)
      else {
        this.close()
        this.submit(this.input.value)
      }
    }
  }
}
