import { ProposalList } from './ProposalList';

/** 回头看 candidates: answered or closed proposals whose answer was B or C; each opens to 发起回头看. */
export default function FollowupsPage() {
  return (
    <ProposalList
      title="回头看（B、C 类答复）"
      view="followup"
      states={['answered', 'closed']}
      showUnitFilter
      showExport
      emptyText="没有需要回头看的提案"
    />
  );
}
