/**
 * Word lists for organisation names. An organisation is found by its head (the last word: 人民医院,
 * 卫生健康委, 大学) and extended to the left over the words its name is made of.
 */

/**
 * Heads whose name is a place or an administrative anchor (市/省/区/县/国家) plus at most a few
 * characters (晋中市第四人民医院, 大宁县公办托育服务中心, 淄博市十五届人大常委会).
 */
export const PLACE_NAMED_HEADS = [
  // government and party bodies
  '卫生健康委员会', '卫生健康委', '卫健委', '卫生和计划生育委员会', '卫生计生委', '卫计委', '卫生健康局', '卫健局', '卫生局',
  '人民政府', '人大常委会', '人民代表大会常务委员会', '人民代表大会', '政协', '常委会', '纪委监委', '纪委',
  '发展和改革委员会', '发展改革委', '发改委', '教育局', '教育厅', '教育委员会', '民政局', '民政厅', '财政局', '财政厅',
  '人力资源和社会保障局', '人力资源社会保障局', '人社局', '自然资源和规划局', '自然资源局', '住房和城乡建设局', '住建局',
  '市场监督管理局', '市场监管局', '医疗保障局', '医保局', '公安局', '司法局', '生态环境局', '农业农村局', '交通运输局',
  '文化和旅游局', '应急管理局', '统计局', '审计局', '税务局', '商务局', '水利局', '林业局', '体育局', '中医药管理局',
  '药品监督管理局', '药监局', '卫生健康厅', '卫生厅', '医疗保障局', '疾病预防控制局', '疾控局', '委员会', '妇联', '总工会',
  '红十字会', '残联', '计生协', '新闻办公室', '政府办公室', '人民法院', '人民检察院',
  // health institutions
  '人民医院', '中心医院', '中医医院', '中医院', '中西医结合医院', '妇幼保健院', '妇幼保健计划生育服务中心', '儿童医院',
  '肿瘤医院', '胸科医院', '肺科医院', '传染病医院', '精神病医院', '精神卫生中心', '口腔医院', '眼科医院', '骨科医院',
  '康复医院', '第一医院', '第二医院', '第三医院', '医院', '中心卫生院', '卫生院', '社区卫生服务中心', '社区卫生服务站',
  '疾病预防控制中心', '疾控中心', '急救中心', '血液中心', '中心血站', '卫生监督所', '医疗集团', '托育服务中心',
  '融媒体中心', '医学中心', '妇幼保健所', '广播电视台', '电视台',
]

/** National bodies named without a place (国务院, 财政部); matched as whole names. */
export const STANDALONE_ORGS = [
  '国务院', '国务院办公厅', '全国人大常委会', '全国人民代表大会常务委员会', '全国人民代表大会', '全国人大', '全国政协', '中共中央',
  '党中央', '中央军委', '最高人民法院', '最高人民检察院', '国家卫生健康委员会', '国家卫生健康委', '国家卫健委', '国家医疗保障局',
  '国家医保局', '国家中医药管理局', '国家疾病预防控制局', '国家疾控局', '国家药品监督管理局', '国家药监局', '国家发展改革委',
  '国家发展和改革委员会', '国家发改委', '国家市场监督管理总局', '市场监管总局', '财政部', '教育部', '民政部', '商务部', '公安部',
  '司法部', '科技部', '科学技术部', '工业和信息化部', '工信部', '人力资源和社会保障部', '人力资源社会保障部', '人社部', '自然资源部',
  '生态环境部', '住房和城乡建设部', '住建部', '交通运输部', '水利部', '农业农村部', '文化和旅游部', '应急管理部', '退役军人事务部',
  '国家统计局', '审计署', '国家乡村振兴局', '中国疾病预防控制中心', '中国疾控中心', '中国红十字会', '中华医学会', '中国医师协会',
  '世界卫生组织', '新华社', '人民日报', '中央广播电视总台', '央视', '中国医学科学院', '中国中医科学院',
]

/** Heads that follow a place or anchor with nothing between (晋中市委, 市委, 市政府, 市人大). */
export const TIGHT_HEADS = ['委', '政府', '人大']

/**
 * Heads whose name is free text up to a clause boundary, a function word, or a place or region
 * that starts it (华中科技大学, 天津医学高等专科学校, 大众日报).
 */
export const FREE_NAMED_HEADS = [
  '大学', '医科大学', '学院', '医学院', '专科学校', '学校', '科学院', '研究院', '研究所', '研究中心', '有限公司', '有限责任公司',
  '股份有限公司', '公司', '日报', '晚报', '晨报', '都市报', '出版社', '协会', '学会', '基金会', '工作室', '网',
]

/** Words that continue an organisation's name after its head: a committee of a congress, a campus. */
export const CONTINUATIONS = [
  '教科文卫委', '教科文卫工委', '深改委', '编委', '常委会', '宣传部', '组织部', '统战部', '政法委', '西院区', '东院区', '南院区', '北院区',
  '新院区', '院区', '分院', '东院', '西院', '南院', '北院', '总院',
]

/** Region words that may start a free-text name (华中科技大学, 中国医学科学院). */
export const REGION_WORDS = ['中国', '中华', '全国', '国家', '中共', '中央', '华北', '华东', '华南', '华中', '西南', '西北', '东北', '首都']

/** Development zones that sit between a city and a township in an address (淄博经开区沅水镇). */
export const ZONE_WORDS = ['经济技术开发区', '高新技术产业开发区', '经济开发区', '高新区', '经开区', '开发区', '新区']

/** Single-character anchors that stand for "our" city, province … in short forms (市卫生健康委, 省人民医院). */
export const ANCHORS = ['国家', '市', '省', '区', '县']

/** Characters that, right before an anchor, make a word with it instead (城市, 全省, 社区, 全县). */
export const WORD_BEFORE_ANCHOR: Readonly<Record<string, string>> = {
  市: '城全本我该各都超上股夜门集街省县区州',
  省: '全我本该外各分反节中',
  区: '城社园小辖地景山灾矿新市郊片街营全本该各库牧林老特验范发税能县设',
  县: '全本该各郡市区州',
  国家: '',
}

/** Characters that, right after an anchor, make a word with it instead (市场, 区域, 县域, 省内). */
export const WORD_AFTER_ANCHOR: Readonly<Record<string, string>> = {
  市: '场民级值区辖属县',
  省: '内外级会直属',
  区: '域间别级县属',
  县: '域城级乡区市属',
  国家: '级',
}

/**
 * Function words and counters that end a name on its left: 介休市将人民医院 is no organisation, and
 * 县级医疗集团 is a kind of institution, not one.
 */
export const NAME_STOPS = '的在和与及了是由对将为把从向被给到等归经据于以其并或而也都已又还就即让使请按随比同跟替凡级类所家个多各该本全这那每'

/** Stops for free-text names (天津医学高等专科学校 keeps 等, 华中科技大学附属同济医院 keeps 同). */
export const FREE_NAME_STOPS = '的在和与及了是由对将为把从向被给到归于以其并或而也已又还就即让使请按随比跟替凡这那每'

/** Ordinals before 院 in hospital short forms (市一院, 市三院). */
export const HOSPITAL_ORDINALS = '一二三四五六七八九'
