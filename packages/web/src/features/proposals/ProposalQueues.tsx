import type { ComponentType } from 'react';
import { ProposalList, type ProposalListProps } from './ProposalList';

type ListOptions = Omit<ProposalListProps, 'title' | 'view' | 'emptyText'>;

/** Lists of the proposal staff over every unit: filtered by unit, exported to Excel. */
const acrossUnits: ListOptions = { showUnitFilter: true, showExport: true };

function queuePage(title: string, view: ProposalListProps['view'], emptyText: string, more?: ListOptions) {
  const ProposalQueuePage: ComponentType = () => (
    <ProposalList title={title} view={view} emptyText={emptyText} {...more} />
  );
  return ProposalQueuePage;
}

/** The proposal pages that are one view of the proposal list: its title, the states offered, the empty text. */
export const queuePages = {
  /** 待我附议: proposals whose lead proposer invited this member; each opens to 附议 or 谢绝. */
  cosign: queuePage('联名邀请（待我附议）', 'cosign', '没有待答复的联名邀请'),
  /** 超期提案: units past their deadline without an approved answer. */
  overdue: queuePage('超期提案', 'overdue', '没有超期提案', {
    ...acrossUnits,
    states: ['assigned', 'rehandling'],
  }),
  /** 重点提案: nominated and approved key proposals (a party leader sees those they supervise). */
  key: queuePage('重点提案', 'key', '暂无重点提案', acrossUnits),
  /** 回头看 candidates: answered or closed proposals whose answer was B or C; each opens to 发起回头看. */
  followup: queuePage('回头看（B、C 类答复）', 'followup', '没有需要回头看的提案', {
    ...acrossUnits,
    states: ['answered', 'closed'],
  }),
  /** 承办工作: proposals assigned to the user's unit only. */
  unit: queuePage('本单位承办的提案', 'unit', '本单位暂无承办提案', {
    showExport: true,
    states: ['assigned', 'rehandling', 'answered', 'closed'],
  }),
};

export type ProposalQueue = keyof typeof queuePages;
