/**
 * Demo opinion texts: matters a district's members report in a year (一事一报), each a title and the
 * situation with a suggestion. Synthetic, written in the way such reports read.
 */
export const opinionTopics: { title: string; category: string; situation: string; suggestion: string }[] = [
  {
    title: '枸杞种植户销售难',
    category: '经济发展',
    situation: '今年枸杞丰收，收购价格同比下跌近三成，部分种植户鲜果滞销。',
    suggestion: '搭建线上销售平台，组织龙头企业订单收购，对冷链仓储给予补贴。',
  },
  {
    title: '城区停车位供需矛盾突出',
    category: '城乡建设',
    situation: '老城区机动车保有量快速增长，夜间停车位缺口约四千个，占道停车现象普遍。',
    suggestion: '盘活机关单位夜间停车资源，建设立体停车库，推行错时共享停车。',
  },
  {
    title: '农村留守老人照护缺位',
    category: '社会民生',
    situation: '部分行政村六十岁以上留守老人占比超过四成，日间照料中心利用率低。',
    suggestion: '推行“邻里互助+志愿服务”模式，将日间照料中心运营纳入政府购买服务。',
  },
  {
    title: '中小学课后服务质量不高',
    category: '文化教育',
    situation: '课后服务以看管和作业辅导为主，体育艺术类课程不足，家长满意度不高。',
    suggestion: '引入校外优质资源，建立课后服务质量评价机制，合理核定服务补助。',
  },
  {
    title: '基层医疗机构人才流失',
    category: '医疗卫生',
    situation: '乡镇卫生院近三年流失执业医师二十余名，部分科室无法正常开诊。',
    suggestion: '落实基层医务人员职称倾斜和待遇保障，推行县乡一体化人才统筹使用。',
  },
  {
    title: '黄河湿地保护区违规垂钓',
    category: '生态环境',
    situation: '湿地保护区周边违规垂钓、野炊现象时有发生，影响候鸟栖息。',
    suggestion: '加强巡护和宣传，设置警示标识，引导群众到指定区域休闲。',
  },
  {
    title: '老旧小区加装电梯推进缓慢',
    category: '城乡建设',
    situation: '全区符合条件的老旧小区单元中，已加装电梯的不足百分之五，协调难、资金难问题突出。',
    suggestion: '完善加装电梯扶持政策，简化审批流程，探索公积金提取支付费用。',
  },
  {
    title: '电动自行车充电安全隐患',
    category: '社会治理',
    situation: '居民楼道内私拉电线给电动自行车充电的现象较多，存在火灾隐患。',
    suggestion: '在小区集中建设智能充电桩，开展楼道隐患专项整治。',
  },
  {
    title: '预制菜产业发展缺少规划',
    category: '经济发展',
    situation: '我区预制菜企业规模小、品牌弱，原料基地与加工企业衔接不紧。',
    suggestion: '编制产业发展规划，建设中央厨房产业园，培育区域公共品牌。',
  },
  {
    title: '农村生活污水治理设施闲置',
    category: '生态环境',
    situation: '部分村建成的污水处理设施因运维资金不足长期闲置。',
    suggestion: '明确运维主体和经费来源，推行第三方专业化运维。',
  },
  {
    title: '婴幼儿托育服务供给不足',
    category: '社会民生',
    situation: '全区普惠性托位不足，双职工家庭“入托难、入托贵”问题突出。',
    suggestion: '支持幼儿园开设托班，对普惠托育机构给予建设和运营补贴。',
  },
  {
    title: '乡村文化活动阵地作用发挥不够',
    category: '文化教育',
    situation: '部分村综合文化服务中心平时大门紧锁，活动内容单一。',
    suggestion: '建立文化管理员队伍，开展群众点单式文化服务。',
  },
  {
    title: '慢性病患者长期处方取药不便',
    category: '医疗卫生',
    situation: '慢性病患者每月需往返医院开药，老年患者负担较重。',
    suggestion: '推行慢性病长期处方制度，在社区卫生服务站实现药品配送。',
  },
  {
    title: '农贸市场周边交通拥堵',
    category: '城乡建设',
    situation: '早晚高峰农贸市场周边车辆乱停、摊贩占道，通行秩序较差。',
    suggestion: '优化周边交通组织，设置临时停车区，规范经营秩序。',
  },
  {
    title: '小微企业融资难融资贵',
    category: '经济发展',
    situation: '小微企业普遍缺少抵押物，贷款审批周期长、综合成本高。',
    suggestion: '扩大政府性融资担保规模，推广“信易贷”等信用贷款产品。',
  },
  {
    title: '社区网格员负担过重',
    category: '社会治理',
    situation: '网格员承担的填表报数任务过多，入户走访时间被挤占。',
    suggestion: '清理规范网格事项清单，推行数据一次采集、多方共享。',
  },
  {
    title: '高标准农田建后管护不到位',
    category: '经济发展',
    situation: '部分高标准农田建成后沟渠淤塞、设施损毁，管护责任不明确。',
    suggestion: '建立建后管护责任制，落实管护资金，引导新型经营主体参与。',
  },
  {
    title: '学生近视率持续上升',
    category: '文化教育',
    situation: '全区中小学生近视率逐年上升，户外活动时间普遍不足。',
    suggestion: '保障学生每天校内外两小时户外活动，改善教室采光照明条件。',
  },
  {
    title: '城市内涝点整治',
    category: '城乡建设',
    situation: '汛期城区仍有多处易涝点，短时强降雨后积水严重。',
    suggestion: '开展排水管网普查，实施雨污分流改造，完善应急排涝预案。',
  },
  {
    title: '农村客运班线停运',
    category: '社会民生',
    situation: '部分偏远村客运班线因客流少停运，群众出行不便。',
    suggestion: '推行预约响应式公交，给予农村客运运营补贴。',
  },
  {
    title: '养老机构护理人员短缺',
    category: '社会民生',
    situation: '养老机构护理人员平均年龄偏大，专业护理人员缺口较大。',
    suggestion: '开展养老护理员职业技能培训，提高薪酬待遇和入职补贴。',
  },
  {
    title: '餐饮油烟扰民',
    category: '生态环境',
    situation: '居民区底商餐饮油烟直排现象较多，群众投诉集中。',
    suggestion: '严格新开餐饮项目审批，推广油烟净化设施在线监控。',
  },
  {
    title: '非遗传承后继乏人',
    category: '文化教育',
    situation: '我区多个非遗项目传承人年事已高，青年学徒少。',
    suggestion: '设立非遗传承专项资金，推动非遗进校园、进景区。',
  },
  {
    title: '农民工工资拖欠问题',
    category: '社会治理',
    situation: '年底部分工程项目存在拖欠农民工工资现象。',
    suggestion: '全面落实工资专户和保证金制度，畅通维权投诉渠道。',
  },
  {
    title: '乡镇卫生院设备利用率低',
    category: '医疗卫生',
    situation: '部分乡镇卫生院配置的检查设备因缺少操作人员闲置。',
    suggestion: '通过医共体统筹培训技术人员，推行远程影像诊断。',
  },
  {
    title: '城区公厕数量不足',
    category: '城乡建设',
    situation: '商业街区和公园周边公厕数量少，节假日如厕难。',
    suggestion: '推动沿街单位厕所对外开放，增建智慧公厕。',
  },
  {
    title: '特色农产品品牌杂乱',
    category: '经济发展',
    situation: '我区特色农产品品牌多而散，市场辨识度不高。',
    suggestion: '整合打造区域公用品牌，建立统一质量标准和追溯体系。',
  },
  {
    title: '独居老人安全监护',
    category: '社会民生',
    situation: '独居老人突发疾病无人知晓的情况时有发生。',
    suggestion: '为独居老人配备智能安全监护设备，建立定期探访制度。',
  },
  {
    title: '校园周边食品安全',
    category: '社会治理',
    situation: '部分学校周边流动摊点销售“三无”食品。',
    suggestion: '加强校园周边食品安全专项检查，规范流动摊点经营。',
  },
  {
    title: '河道垃圾清理不及时',
    category: '生态环境',
    situation: '部分沟渠河道垃圾堆积，汛期影响行洪。',
    suggestion: '落实河湖长制，明确保洁责任，建立常态化巡查机制。',
  },
];

/** How the report of a topic reads, in one of a few voices; `place` names where it was seen. */
export function opinionContent(topic: (typeof opinionTopics)[number], place: string) {
  return `一、基本情况\n${place}${topic.situation}\n二、存在的问题\n群众反映较多，相关部门虽有措施，但统筹不够、落实不到位。\n三、建议\n${topic.suggestion}`;
}

export const opinionTitle = (topic: (typeof opinionTopics)[number], variant: number, place: string) =>
  [
    `关于解决${topic.title}问题的建议`,
    `${place}${topic.title}问题亟待解决`,
    `关于${topic.title}的情况反映`,
    `${topic.title}需引起重视`,
  ][variant % 4]!;

export const leaderInstructions = [
  { leaderName: '周明远', leaderPost: '区委书记', level: 'county', text: '请区政府研究，相关部门抓好落实。' },
  {
    leaderName: '陈立华',
    leaderPost: '区长',
    level: 'county',
    text: '请分管副区长牵头，区农业农村局具体办理。',
  },
  {
    leaderName: '孙建军',
    leaderPost: '市委副书记',
    level: 'city',
    text: '此件反映的问题具有普遍性，请市直有关部门研究提出意见。',
  },
  { leaderName: '刘晓红', leaderPost: '副省长', level: 'province', text: '请省农业农村厅会同有关方面研究。' },
] as const;
