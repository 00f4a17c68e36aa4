/**
 * The Chinese labels of the platform's closed vocabularies, in one catalogue. Each domain file takes
 * its codes from its labels with `codesOf`, so a code and its label are written once, here.
 */

// Roles (DOMAIN.md)

export const roleLabels = {
  member: '委员',
  unitHandler: '承办单位经办人',
  unitHead: '承办单位负责人',
  proposalStaff: '提案工作人员',
  opinionStaff: '信息工作人员',
  infoLiaison: '特邀信息员',
  liaisonStaff: '委员联络工作人员',
  leader: '主席会议成员',
  partyLeader: '党政领导',
  sysAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditAdmin: '安全审计员',
} as const;

// Organisation

export const committeeLevelLabels = {
  county: '县（区）级',
  city: '市级',
  province: '省（区）级',
} as const;

export const genderLabels = { male: '男', female: '女' } as const;

/** What importing a roster row does (the preview's 操作 column). */
export const memberImportActionLabels = { new: '新增', changed: '更新', unchanged: '无变化' } as const;

export const memberStatusLabels = {
  active: '在任',
  suspended: '暂停履职',
  resigned: '辞去委员',
  removed: '撤销资格',
} as const;

export const contactPointKindLabels = {
  liaisonPoint: '基层联系点',
  receptionRoom: '委员会客室',
  studio: '委员工作室',
  station: '委员驿站',
  contactStation: '委员联络站',
} as const;

export const organisationProposerKindLabels = {
  party: '党派团体',
  specialCommittee: '专委会',
  sector: '界别',
  memberGroup: '委员活动小组',
} as const;

// Account approvals (三员分立)

/**
 * 三员分立: changes that would give an account administrator powers wait for a second administrator.
 * The request is stored as validated; the approver's decision applies it.
 */
export const accountApprovalKindLabels = {
  create: '创建管理员账号',
  update: '授予或启用管理员账号',
  resetPassword: '重置管理员密码',
} as const;

export const accountApprovalStatusLabels = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
} as const;

// Duty records

/** Levels an opinion's adoption or instruction, or an award, is recorded at. */
export const dutyLevelLabels = {
  county: '县（区）级',
  city: '市级',
  province: '省（自治区）级',
  national: '全国',
} as const;

// Proposal work queues: what waits for the viewer's unit or for the staff

export const proposalTaskLabels = {
  toAcknowledge: '待签收',
  toAnswer: '待答复',
  toApproveAsHead: '待负责人审核',
  toReviewAnswer: '待审核答复',
} as const;

// Proposal workflow

export const proposalStateLabels = {
  draft: '草稿',
  cosigning: '联名征集中',
  submitted: '已提交',
  reviewing: '审查中',
  returned: '退回修改',
  withdrawn: '已撤案',
  rejected: '不予立案',
  merged: '已并案',
  accepted: '已立案',
  assigned: '办理中',
  answered: '已答复',
  rehandling: '重新办理',
  closed: '已办结',
} as const;

export const proposalCommandLabels = {
  update: '修改提案',
  requestCosign: '发起联名',
  respondCosign: '答复联名邀请',
  submit: '提交提案',
  withdraw: '撤案',
  claimReview: '开始审查',
  accept: '立案',
  reject: '不予立案',
  merge: '并案',
  return: '退回修改',
  assign: '交办',
  acknowledge: '签收',
  decline: '退办',
  extendDeadline: '延期',
  sendUnitOpinion: '报送协办意见',
  saveAnswer: '保存答复',
  submitAnswer: '提交负责人审核',
  headApproveAnswer: '负责人审核通过',
  headReturnAnswer: '负责人退回答复',
  reviewAnswer: '审核答复',
  completeAnswering: '全部答复完成',
  rate: '满意度评价',
  completeRating: '评价完成办结',
  requestRehandling: '不满意重新办理',
  close: '办结',
  nominateKey: '提名重点提案',
  approveKey: '审定重点提案',
  nominateExcellent: '提名优秀提案',
  approveExcellent: '审定优秀提案',
  addSupervisionLog: '记录督办情况',
  evaluate: '双向评议',
  requestFollowup: '发起回头看',
  reportFollowup: '报送回头看情况',
} as const;

// Proposal vocabulary

export const proposalKindLabels = { session: '大会提案', regular: '平时提案' } as const;

export const proposerStatusLabels = {
  invited: '待确认',
  confirmed: '已附议',
  declined: '已谢绝',
  expired: '已过期',
} as const;

export const unitRoleLabels = { lead: '主办', co: '协办', separate: '分办' } as const;

export const unitStatusLabels = {
  assigned: '待签收',
  acknowledged: '已签收',
  declined: '已退办',
  answered: '已答复',
} as const;

export const answerStateLabels = {
  draft: '草稿',
  pendingHead: '待负责人审核',
  sent: '已报送',
  returned: '已退回',
  approved: '已审核',
} as const;

export const satisfactionLabels = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
} as const;

/**
 * How 满意率 is counted (setting satisfactionBasis): per proposal (件) by the lead proposer's rating or by
 * the lowest of its proposers' ratings, or per proposer (人次), each proposer's rating once.
 */
export const satisfactionBasisLabels = {
  lead: '按件：以第一提案人的评价为准',
  lowest: '按件：以提案人中最低的评价为准',
  proposer: '按人次：每位提案人的评价各计一次',
} as const;

export const relevanceLabels = {
  targeted: '针对提案',
  partly: '部分针对',
  notTargeted: '未针对提案',
} as const;

export const rejectionDispositionLabels = {
  forwardSuggestion: '作为意见建议转有关部门',
  convertToOpinion: '转为社情民意信息',
  none: '不作处理',
} as const;

export const supervisionLogKindLabels = {
  comment: '督办意见',
  visit: '实地督办',
  meeting: '督办座谈',
} as const;

export const followupImplementationLabels = {
  implemented: '已落实',
  inProgress: '正在落实',
  notImplemented: '未落实',
} as const;

// Opinion workflow (社情民意信息)

export const opinionStateLabels = {
  draft: '草稿',
  submitted: '已报送',
  editing: '编辑中',
  returned: '退回修改',
  withdrawn: '已撤回',
  adopted: '已采用',
  combined: '已综合',
  archived: '留存未采用',
} as const;

export const opinionCommandLabels = {
  update: '修改信息',
  submit: '报送信息',
  withdraw: '撤回信息',
  respondCoauthor: '答复联名',
  startEditing: '开始编辑',
  saveEdit: '保存编辑稿',
  adopt: '单篇采用',
  combine: '综合采用',
  absorb: '综合到其他信息',
  archive: '留存，未采用',
  return: '退回修改',
  reopen: '撤销采用决定',
  report: '向上级报送',
  recordExternalOutcome: '登记全国政协采用情况',
  recordInstruction: '登记领导批示',
  reportInstructionDone: '登记批示落实情况',
  forward: '转办',
} as const;

/** Who filed an opinion: a member, an organisation by its convener, an information liaison, or a child committee's report. */
export const opinionSubmitterTypeLabels = {
  member: '委员',
  organisation: '党派团体、专委会、界别',
  liaison: '特邀信息员',
  report: '下级政协报送',
} as const;

export const opinionAdoptionKindLabels = { single: '单篇采用', combined: '综合采用' } as const;

export const coauthorStatusLabels = {
  invited: '待确认',
  confirmed: '已确认',
  declined: '已谢绝',
} as const;

/** Events of an article's adoption ledger, one row per (article, level, event). */
export const opinionLedgerEventLabels = {
  adopted: '采用',
  reported: '报送',
  instructed: '领导批示',
} as const;

/** Where an opinion is forwarded to for handling. */
export const forwardingChannelLabels = { hotline: '12345热线', department: '有关部门' } as const;

export const forwardingStateLabels = {
  forwarded: '已转办',
  acknowledged: '已签收',
  answered: '已答复',
  returned: '已退回',
  accepted: '已办结',
} as const;

export const forwardingCommandLabels = {
  acknowledge: '签收转办件',
  answer: '答复转办件',
  returnItem: '退回转办件',
  acceptAnswer: '认可答复',
  rejectAnswer: '不认可答复',
} as const;

export const opinionIssueStateLabels = { draft: '编辑中', sent: '已印发' } as const;

/** The opinion lists: a submitter's own, co-authorships waiting, the staff inbox, all of the committee. */
export const opinionListViewLabels = {
  mine: '我的信息',
  coauthor: '待我联名',
  inbox: '信息收件箱',
  all: '全部信息',
} as const;

// Activities (履职活动), attendance and leave

/** What an activity kind is, for grouping kinds in figures and the default invitees of meetings. */
export const activityCategoryLabels = {
  meeting: '会议',
  consultation: '协商议政',
  grassroots: '有事好商量',
  inspection: '视察',
  research: '调研',
  supervision: '民主监督',
  training: '学习培训',
  reading: '读书活动',
  visit: '走访',
  sector: '界别活动',
  service: '志愿公益服务',
} as const;

export const activityStateLabels = {
  planned: '筹备中',
  published: '已发布',
  closed: '已结束',
  cancelled: '已取消',
} as const;

export const activityCommandLabels = {
  update: '修改活动',
  invite: '邀请委员',
  removeInvitation: '取消邀请',
  publish: '发布活动',
  markAttendance: '登记出席情况',
  recordOutcome: '登记活动成果',
  close: '结束活动',
  reopen: '重新打开活动',
  cancel: '取消活动',
} as const;

/** Who organises an activity. */
export const activityOrganiserTypeLabels = {
  committee: '政协机关',
  specialCommittee: '专门委员会',
  memberGroup: '委员活动小组',
  contactPoint: '基层联系点',
} as const;

/** A member's answer to an invitation. */
export const invitationReplyLabels = { pending: '未回复', attending: '参加', leave: '请假' } as const;

/** The attendance result of one invitee; final when the activity is closed. */
export const attendanceLabels = {
  present: '出席',
  late: '迟到',
  leftEarly: '早退',
  leave: '请假',
  absent: '缺席',
} as const;

export const signInMethodLabels = { code: '签到码', qr: '扫码', staff: '工作人员登记' } as const;

export const leaveStateLabels = {
  requested: '待审批',
  approved: '已准假',
  refused: '不准假',
  withdrawn: '已撤回',
} as const;

export const leaveCommandLabels = {
  approve: '准假',
  refuse: '不准假',
  withdraw: '撤回请假',
} as const;

/** Who decides leave requests. */
export const leaveApproverLabels = { liaisonStaff: '委员联络工作人员', leader: '主席会议成员' } as const;

/** The activity lists: the staff's list of all, and a member's invitations. */
export const activityListViewLabels = { all: '全部活动', mine: '我的活动' } as const;

// Outcomes of activities: suggestions (意见建议), speeches, reading notes; the annual consultation plan

export const suggestionStateLabels = {
  proposed: '已提出',
  sent: '已报送',
  adopted: '已采纳',
  implemented: '已落实',
  notAdopted: '未采纳',
} as const;

export const suggestionCommandLabels = {
  update: '修改建议',
  send: '报送',
  adopt: '登记采纳',
  decline: '登记未采纳',
  implement: '登记落实',
  reopen: '撤回登记',
} as const;

/** Speeches at meetings: 大会发言 at a plenary, 会议发言 at any other meeting. */
export const speechModeLabels = { written: '书面发言', oral: '口头发言' } as const;

export const speechStateLabels = {
  submitted: '已提交',
  accepted: '已收录',
  selected: '大会口头发言',
  declined: '未收录',
  withdrawn: '已撤回',
} as const;

export const speechCommandLabels = {
  accept: '收录',
  select: '选为口头发言',
  unselect: '取消口头发言',
  decline: '不予收录',
  withdraw: '撤回发言',
} as const;

export const readingNoteStateLabels = {
  submitted: '已提交',
  returned: '已退回',
  withdrawn: '已撤回',
} as const;

export const readingNoteCommandLabels = { returnNote: '退回', withdraw: '撤回' } as const;

export const consultationPlanStateLabels = {
  draft: '草拟中',
  submitted: '已报党委',
  approved: '已批准',
} as const;

export const consultationPlanCommandLabels = {
  update: '修改计划',
  submit: '报送党委',
  approve: '登记批准',
  withdraw: '退回修改',
} as const;

/** How far one item of the plan has got: by the activities that carry it out. */
export const planItemProgressLabels = {
  notStarted: '未开展',
  inProgress: '进行中',
  done: '已完成',
} as const;

// Search (全局搜索)

/** What the global search finds, in the order its groups are shown. */
export const searchKindLabels = {
  proposal: '提案',
  opinion: '社情民意',
  activity: '履职活动',
  suggestion: '意见建议',
  member: '委员',
} as const;

export const searchSortLabels = { relevance: '相关度', date: '时间' } as const;
