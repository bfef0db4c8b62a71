import type { PlaceLevel } from './types'

/**
 * Ethnic-group names as they appear inside autonomous-area names (延边朝鲜族自治州, 长阳土家族自治县).
 * Longer names come first so that 哈萨克族 is stripped before 萨克族 could be considered.
 */
const ETHNIC_GROUPS = [
  '柯尔克孜族', '乌孜别克族', '维吾尔族', '哈萨克族', '塔吉克族', '塔塔尔族', '俄罗斯族', '鄂温克族', '鄂伦春族', '达斡尔族',
  '蒙古族', '布依族', '朝鲜族', '土家族', '哈尼族', '傈僳族', '高山族', '拉祜族', '东乡族', '纳西族', '景颇族', '仫佬族',
  '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '德昂族', '保安族', '裕固族', '独龙族', '赫哲族',
  '门巴族', '珞巴族', '基诺族', '回族', '藏族', '苗族', '彝族', '壮族', '满族', '侗族', '瑶族', '白族', '傣族', '黎族',
  '佤族', '畲族', '水族', '土族', '羌族', '怒族', '京族', '各族',
]

/** Administrative suffixes per level, longest first: the first one that matches is removed. */
const LEVEL_SUFFIXES: Record<PlaceLevel, readonly string[]> = {
  province: ['维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市'],
  prefecture: ['自治州', '地区', '盟', '市'],
  county: ['自治县', '自治旗', '林区', '特区', '县', '区', '市', '旗'],
  township: ['民族乡', '街道', '苏木', '镇', '乡'],
}

/** A short form needs at least two characters: 祁县 has no short form, since 祁 alone is not a name. */
const MIN_SHORT_NAME_LENGTH = 2

/** Names of development zones and similar units (…经济技术开发区, …管理区) have no conventional short form. */
const NO_SHORT_FORM = /(开发区|新区|园区|管理区|管委会|新城|群岛|海域|委员会|农场|林场|牧场|场|公司|监狱|局|中心|处)$/

function stripEthnicTail(stem: string): string {
  let current = stem
  for (let changed = true; changed; ) {
    changed = false
    for (const group of ETHNIC_GROUPS) {
      if (current.endsWith(group) && current.length > group.length) {
        current = current.slice(0, -group.length)
        changed = true
        break
      }
    }
  }
  return current
}

/**
 * The short forms people write for an official division name: 山西省 → 山西, 介休市 → 介休,
 * 延边朝鲜族自治州 → 延边, 鄂温克族自治旗 → 鄂温克, 来远镇 → 来远. Returns [] when the stem would be a
 * single character (祁县, 城区) or the unit has no conventional short form (经济技术开发区).
 *
 * @example placeShortNames('长阳土家族自治县', 'county') // ['长阳']
 */
export function placeShortNames(name: string, level: PlaceLevel): string[] {
  if (NO_SHORT_FORM.test(name)) return []
  const suffix = LEVEL_SUFFIXES[level].find((s) => name.endsWith(s) && name.length > s.length)
  if (suffix === undefined) return []
  const stem = name.slice(0, -suffix.length)
  const withoutEthnic = stripEthnicTail(stem)
  // 鄂温克族自治旗: the whole stem is an ethnic name, so the name without 族 is the short form.
  const short = withoutEthnic === stem && stem.endsWith('族') && suffix.startsWith('自治') ? stem.slice(0, -1) : withoutEthnic
  return short.length >= MIN_SHORT_NAME_LENGTH && short !== name ? [short] : []
}
