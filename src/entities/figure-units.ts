import { CharTrie } from './char-trie'

/**
 * How a unit changes the number before it: % divides by 100, ‰ by 1000, /10万 by 100,000
 * (ENTITIES.md: 45% → 0.45, 1.2‰ → 0.0012, 3.1/10万 → 0.000031). 个百分点 keeps the number as written.
 */
const UNIT_SCALE: Readonly<Record<string, number>> = { '%': 0.01, '％': 0.01, '‰': 0.001, '/10万': 1e-5 }

/** The unit as reported: full-width signs are reported in their ASCII form. */
const UNIT_NAME: Readonly<Record<string, string>> = { '％': '%', '℃': '°C' }

/**
 * Measure words and signs that make a number a figure. Longest match wins (家次 over 家, 个百分点 over 个).
 * Deliberately absent: 月/日/时/号 (dates and times), 级/届/期 (grades, sessions, phases), 第 ordinals.
 */
const UNITS = [
  '%', '％', '‰', '/10万', '°C', '℃', '个百分点', '百分点',
  '元', '块', '人次', '人', '名', '位', '户', '家次', '家', '个', '所', '项', '起', '单', '批', '张', '床', '台次', '台', '辆', '套',
  '件', '例', '条', '座', '间', '支', '种', '类', '份', '篇', '本', '处', '次', '倍', '剂', '盒', '袋', '箱', '只', '头', '株',
  '岁', '天', '年', '个月', '周', '小时', '分钟', '秒',
  '公里', '千米', '米', '厘米', '毫米', '平方米', '平方公里', '亩', '公顷', '吨', '公斤', '千克', '克', '升', '毫升',
]

const unitTrie = new CharTrie<string>()
for (const unit of UNITS) unitTrie.add(unit, unit)

/** The unit written at `start`, if any: its reported name, its scale and where it ends. */
export function readUnit(text: string, start: number): { unit: string; scale: number; end: number } | undefined {
  const match = unitTrie.longestAt(text, start)
  if (match === undefined) return undefined
  const written = match.values[0] as string
  return { unit: UNIT_NAME[written] ?? written, scale: UNIT_SCALE[written] ?? 1, end: match.end }
}
