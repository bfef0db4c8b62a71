import { describe, expect, it } from 'vitest'
import { recognizeEntities, type EntityMention } from '../../src/entities'

function find(text: string, type: EntityMention['type'], surface: string): EntityMention | undefined {
  return recognizeEntities(text).find((m) => m.type === type && m.text === surface)
}

describe('places', () => {
  it('tags a county short form with its official name, code and ancestors', () => {
    const mention = find('全省县域医疗卫生一体化改革现场推进会在晋中市介休召开。', 'city', '介休')
    expect(mention).toMatchObject({ canonical: '介休市', code: '140781', level: 'county', ancestors: ['1407', '14'] })
  })

  it('tags prefecture and province short forms', () => {
    expect(find('为淄博的老百姓构筑坚实的健康大坝', 'city', '淄博')).toMatchObject({ canonical: '淄博市', level: 'prefecture' })
    expect(find('为健康中国、健康山西建设作出贡献', 'city', '山西')).toMatchObject({ canonical: '山西省', code: '14', level: 'province' })
  })

  it('tags every province and the much-written-about cities by their official names, alone in a title', () => {
    // jieba knows these as very frequent words; frequency makes a short form an everyday word, never an official name.
    for (const [title, name, code] of [
      ['广东省森林防火条例', '广东省', '44'],
      ['北京市物业管理条例', '北京市', '11'],
      ['河南省法律援助条例', '河南省', '41'],
      ['南京市城市绿化条例', '南京市', '3201'],
      ['重庆市公路条例', '重庆市', '50'],
    ] as const) {
      expect(find(title, 'city', name), title).toMatchObject({ canonical: name, code })
    }
  })

  it('tags counties named in a list once one of them is settled', () => {
    const cities = recognizeEntities('晋中市榆次、太谷、平遥、昔阳、寿阳创成示范区').filter((m) => m.type === 'city')
    expect(cities.map((m) => m.canonical)).toEqual(['晋中市', '榆次区', '太谷区', '平遥县', '昔阳县', '寿阳县'])
  })

  it('leaves a place inside an organisation name to the organisation', () => {
    const mentions = recognizeEntities('我们实现了与张店区人民医院检验科结果的互联互通')
    expect(mentions.filter((m) => m.type === 'city')).toEqual([])
    expect(mentions.find((m) => m.type === 'org')?.text).toBe('张店区人民医院')
  })

  it('does not tag 中国, 全国, 我省, 全市, historic regions or idioms', () => {
    for (const text of ['中国式现代化', '优于全国平均水平', '我省高度重视', '全市卫健系统', '发展上党中医学术流派', '保障长治久安']) {
      expect(recognizeEntities(text).filter((m) => m.type === 'city'), text).toEqual([])
    }
  })

  it('finds a place right after a shorter place-like word (推广福建省: 广福 is a township short form)', () => {
    const cities = recognizeEntities('全面推广福建省和三明市深化医药卫生体制改革经验').filter((m) => m.type === 'city')
    expect(cities.map((m) => m.canonical)).toEqual(['福建省', '三明市'])
  })

  it('settles a one-character county name by its sibling counties in the text', () => {
    const cities = recognizeEntities('介休市组建健康管理中心；祁县“基层检查+上级诊断”模式实现县乡医院机构服务同质').filter((m) => m.type === 'city')
    expect(cities.map((m) => m.canonical)).toEqual(['介休市', '祁县'])
  })

  it('prefers the place named elsewhere in the text over a namesake inside it (新乡 → 新乡市)', () => {
    const mention = recognizeEntities('河南省新乡市人民代表大会常务委员会公告。新乡是豫北重镇。').find((m) => m.text === '新乡')
    expect(mention).toMatchObject({ code: '4107', level: 'prefecture' })
  })

  it('does not read an everyday word as a township (面向城镇, 城区)', () => {
    expect(recognizeEntities('面向城镇居民，创新推进市城区医疗卫生服务体系改革').filter((m) => m.type === 'city')).toEqual([])
  })
})

describe('figures', () => {
  it('normalises 亿 and keeps the unit', () => {
    expect(find('全市财政卫生健康预算支出43.66亿元', 'figure', '43.66亿元')).toMatchObject({ value: 4366000000, unit: '元', approx: false })
  })

  it('divides percentages and per-100,000 rates, and keeps the subject', () => {
    expect(find('执业医师资格村医占比提升至45%', 'figure', '45%')).toMatchObject({ value: 0.45, unit: '%' })
    expect(find('孕产妇死亡率为5.37/10万', 'figure', '5.37/10万')).toMatchObject({
      value: 0.0000537, unit: '/10万', subject: '孕产妇死亡率',
    })
    expect(find('提高了15.36个百分点', 'figure', '15.36个百分点')).toMatchObject({ value: 15.36, unit: '个百分点' })
  })

  it('keeps what was measured or paid for as the subject', () => {
    expect(find('将执业(助理)医师资格村医占比提升至45%', 'figure', '45%')?.subject).toBe('村医占比')
    const amounts = recognizeEntities('对二孩、三孩家庭分别给予3000元、5000元一次性生育补贴').filter((m) => m.type === 'figure')
    expect(amounts.map((m) => [m.text, m.subject])).toEqual([['3000元', '生育补贴'], ['5000元', '生育补贴']])
  })

  it('marks qualifiers as approximate and includes them in the span', () => {
    expect(find('已为近2.3万余名老人开展护理需求评估', 'figure', '近2.3万余名')).toMatchObject({ value: 23000, unit: '名', approx: true })
    expect(find('达到1000人以上', 'figure', '1000人以上')).toMatchObject({ value: 1000, unit: '人', approx: true })
  })

  it('reads Chinese numerals and ranges', () => {
    expect(find('两个重点问题', 'figure', '两个')).toMatchObject({ value: 2, unit: '个' })
    expect(find('选择确定了2至3个突出问题', 'figure', '2至3个')).toMatchObject({ value: [2, 3], unit: '个' })
    expect(find('0-3岁婴幼儿', 'figure', '0-3岁')).toMatchObject({ value: [0, 3], unit: '岁' })
  })

  it('reads spelled-out percentages and ranges with the unit written twice', () => {
    expect(find('达到百分之四十五以上', 'figure', '百分之四十五以上')).toMatchObject({ value: 0.45, unit: '%', approx: true })
    expect(find('增长10%—20%', 'figure', '10%—20%')).toMatchObject({ value: [0.1, 0.2], unit: '%' })
  })

  it('does not tag dates, ordinals, sessions, plan names or articles', () => {
    const text = '2021年第一批，2月26日，市委十二届七次全会，“十四五”期间，二级以上医院，一家机构，近五年'
    expect(recognizeEntities(text).filter((m) => m.type === 'figure')).toEqual([])
  })
})

describe('programmes', () => {
  it('tags a listed programme with its canonical name, without quotes or head word', () => {
    expect(find('实施“千县工程”和县级医疗机构综合能力提升三年行动', 'program', '千县工程')).toMatchObject({ start: 3, canonical: '千县工程' })
    expect(find('“互联网﹢医疗健康”智慧服务', 'program', '互联网﹢医疗健康')).toMatchObject({ canonical: '互联网+医疗健康' })
  })

  it('tags an unseen quoted name followed by a programme head word', () => {
    expect(find('今年全面推行“健康小屋进万家”行动', 'program', '健康小屋进万家')).toBeDefined()
  })

  it('tags an unseen unquoted name ending in a head word after 实施', () => {
    expect(find('对此，市卫生健康委高度重视，实施了优质医疗服务行动。', 'program', '优质医疗服务行动')).toBeDefined()
  })

  it('treats a numbered slogan as one programme, not as a figure', () => {
    const mentions = recognizeEntities('目前“四个一”基层医疗机构帮扶长效机制已成效初显')
    expect(mentions.map((m) => [m.type, m.text])).toEqual([['program', '四个一']])
  })

  it('does not tag rhetorical quotes or facility types', () => {
    expect(recognizeEntities('打通“看病难”最后一公里，建立“名医基层工作站”').filter((m) => m.type === 'program')).toEqual([])
  })
})

describe('people and organisations', () => {
  it('tags a name after a title, without the title', () => {
    const mentions = recognizeEntities('淄博市卫生健康委党组书记、主任程勤及市卫生健康委相关负责人')
    expect(mentions.map((m) => [m.type, m.text])).toEqual([['org', '淄博市卫生健康委'], ['person', '程勤'], ['org', '市卫生健康委']])
  })

  it('tags every name of a byline', () => {
    const people = recognizeEntities('大众日报淄博融媒体中心记者 高阳 通讯员 巨荣俊 张灿').filter((m) => m.type === 'person')
    expect(people.map((m) => m.text)).toEqual(['高阳', '巨荣俊', '张灿'])
  })

  it('stops an organisation at the institution and keeps its campus', () => {
    expect(find('淄博市人大常委会组织媒体记者到淄博市中心医院西院区采访', 'org', '淄博市中心医院西院区')).toBeDefined()
    expect(find('淄博市人大常委会主任会议第八十九次会议', 'org', '淄博市人大常委会')).toBeDefined()
  })

  it('tags national bodies, dateline outlets and bracketed bylines', () => {
    const mentions = recognizeEntities('廉政中国讯（瞿瑞凤\u00a0 段宁）经国务院批准，财政部印发通知。')
    expect(mentions.map((m) => [m.type, m.text])).toEqual([
      ['org', '廉政中国'], ['person', '瞿瑞凤'], ['person', '段宁'], ['org', '国务院'], ['org', '财政部'],
    ])
  })

  it('does not tag generic institution nouns', () => {
    expect(recognizeEntities('将人民医院妇产科整合到妇幼院，县医院接得住').filter((m) => m.type === 'org')).toEqual([])
  })
})
