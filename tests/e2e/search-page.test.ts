import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadEngine } from '../../src/cli/load-engine'
import { packageRoot } from '../../src/package-root'
import { buildPage } from '../../src/server/page/build-page'
import { createServer } from '../../src/server'

/**
 * The search page in a real browser: Debian's Chromium, headless, driven through playwright-core,
 * against the server on a free loopback port with the bundled seeds/ corpus. CI installs chromium;
 * without it this test fails (it does not skip), so a missing browser is never mistaken for a pass.
 */

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const ARTIFACTS = join(packageRoot(), 'tests', 'artifacts')

let staticDir: string
let server: Server
let browser: Browser
let page: Page
let base: string
const pageErrors: string[] = []

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does this in CI)`)
  staticDir = mkdtempSync(join(tmpdir(), 'zhsearch-page-'))
  await buildPage(staticDir)
  server = createServer(await loadEngine({}), { staticDir })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  if (staticDir) rmSync(staticDir, { recursive: true, force: true })
})

describe('search page in Chromium', () => {
  it('shows a readable start state with examples', async () => {
    await page.goto(base + '/')
    await expect.poll(() => page.locator('.examples button').count()).toBeGreaterThan(0)
  })

  it('suggests as you type, picks a suggestion with the keyboard and shows highlighted results', async () => {
    const input = page.locator('#q')
    await input.click()
    const finalList = page.waitForResponse((response) => response.url().includes(`/suggest?q=${encodeURIComponent('千县')}&`))
    await input.pressSequentially('千县', { delay: 80 })
    await finalList
    const suggestions = page.locator('[data-testid=suggestion]')
    // The list for 千 may show before the one for 千县 replaces it: wait for the final list.
    await expect.poll(async () => (await suggestions.locator('.suggestion-text').allTextContents()).every((text) => text.startsWith('千县'))).toBe(true)
    const texts = await suggestions.locator('.suggestion-text').allTextContents()
    const wanted = texts.indexOf('千县工程')
    expect(wanted, `suggestions were ${texts.join(', ')}`).toBeGreaterThanOrEqual(0)
    for (let step = 0; step <= wanted; step++) await input.press('ArrowDown')
    await expect.poll(() => suggestions.nth(wanted).getAttribute('aria-selected')).toBe('true')
    await input.press('Enter')
    await page.locator('[data-testid=hit]').first().waitFor()
    expect(await input.inputValue()).toBe('千县工程')
    expect(page.url()).toContain(`q=${encodeURIComponent('千县工程')}`)
    const marked = await page.locator('[data-testid=hit] .snippet mark').allTextContents()
    expect(marked).toContain('千县工程')
    expect(await page.locator('[data-testid=suggestion]').count()).toBe(0)
  })

  it('shows entity chips and narrows the results with a place facet', async () => {
    await page.locator('[data-testid=entity-chip]').first().waitFor()
    const before = await page.locator('#status').textContent()
    const facets = page.locator('[data-testid=facet-city]')
    await facets.first().waitFor()
    const place = (await facets.first().locator('.facet-name').textContent()) ?? ''
    await facets.first().click()
    await page.locator('[data-testid=active-filter]').first().waitFor()
    expect(await page.locator('[data-testid=active-filter]').first().textContent()).toContain(place)
    await expect.poll(() => page.locator('#status').textContent()).not.toBe(before)
    expect(page.url()).toContain(`city=${encodeURIComponent(place)}`)
    expect(await page.locator('[data-testid=hit]').count()).toBeGreaterThan(0)
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'search-page.png'), fullPage: true })
  })

  it('completes pinyin initials in the box (qxgc → 千县工程)', async () => {
    const input = page.locator('#q')
    await input.fill('')
    await input.pressSequentially('qxgc', { delay: 60 })
    await expect.poll(() => page.locator('[data-testid=suggestion] .suggestion-text').allTextContents()).toContain('千县工程')
    await input.press('Escape')
    expect(await page.locator('[data-testid=suggestion]').count()).toBe(0)
  })

  it('says so plainly when nothing matches', async () => {
    await page.goto(`${base}/?q=${encodeURIComponent('量子引力弦论')}`)
    await page.locator('[data-testid=no-results]').waitFor()
    expect(await page.locator('[data-testid=no-results]').textContent()).toContain('没有找到')
  })

  it('ran without script errors or blocked resources', () => {
    expect(pageErrors).toEqual([])
  })
})
