import { codesOf } from './codes';
import { dutyLevelLabels } from './labels';
/**
 * The catalogue of duty-record kinds (DOMAIN.md "Duty records and scoring"): facts, not points.
 * Every module records only kinds listed here, and a scoring rule set can list every kind it may
 * give points for. A module adds its kinds here when it starts recording them.
 */

export const dutyLevels = codesOf(dutyLevelLabels);
export type DutyLevel = (typeof dutyLevels)[number];

interface DutyKindEntry {
  label: string;
  /** The module whose records are the source of this kind. */
  module: 'proposal' | 'opinion' | 'activity' | 'member';
  /** Roles a fact of this kind is recorded with; empty = no role. */
  roles: readonly string[];
  /** Whether a fact of this kind carries a level. */
  leveled: boolean;
}

const proposerRoles = ['lead', 'co'] as const;

export const dutyKinds = {
  'proposal.submitted': { label: '提交提案', module: 'proposal', roles: proposerRoles, leveled: false },
  'proposal.accepted': { label: '提案立案', module: 'proposal', roles: proposerRoles, leveled: false },
  'proposal.key': { label: '重点提案', module: 'proposal', roles: proposerRoles, leveled: false },
  'proposal.excellent': { label: '优秀提案', module: 'proposal', roles: proposerRoles, leveled: false },
  'opinion.submitted': { label: '报送社情民意信息', module: 'opinion', roles: [], leveled: false },
  'opinion.adopted': { label: '社情民意信息被采用', module: 'opinion', roles: [], leveled: true },
  'opinion.instructed': { label: '社情民意信息获领导批示', module: 'opinion', roles: [], leveled: true },
  'activity.attended': { label: '参加履职活动', module: 'activity', roles: [], leveled: false },
  'activity.leave': { label: '请假', module: 'activity', roles: [], leveled: false },
  'activity.absent': { label: '缺席', module: 'activity', roles: [], leveled: false },
  'speech.given': { label: '会议发言', module: 'activity', roles: [], leveled: false },
  'reading.note': { label: '读书心得', module: 'activity', roles: [], leveled: false },
  'service.volunteer': { label: '志愿服务', module: 'activity', roles: [], leveled: false },
  award: { label: '获得表彰', module: 'member', roles: [], leveled: true },
  manual: { label: '其他履职（经审核）', module: 'member', roles: [], leveled: false },
} as const satisfies Record<string, DutyKindEntry>;

export type DutyKind = keyof typeof dutyKinds;

export const isDutyKind = (kind: string): kind is DutyKind => Object.hasOwn(dutyKinds, kind);

/** Why a fact does not fit its kind (an unknown kind, a role or level it cannot have), or null. */
export function dutyFactProblem(fact: { kind: string; role?: string; level?: string | null }): string | null {
  if (!isDutyKind(fact.kind)) return `未登记的履职类型：${fact.kind}`;
  const entry: DutyKindEntry = dutyKinds[fact.kind];
  if (fact.role && !entry.roles.includes(fact.role))
    return `履职类型“${entry.label}”不能记录角色“${fact.role}”`;
  if (fact.level != null && !(entry.leveled && (dutyLevels as readonly string[]).includes(fact.level)))
    return `履职类型“${entry.label}”不能记录级别“${fact.level}”`;
  return null;
}
