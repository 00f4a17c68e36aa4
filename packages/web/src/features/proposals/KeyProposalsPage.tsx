import { ProposalList } from './ProposalList';

/** 重点提案: nominated and approved key proposals (a party leader sees those they supervise). */
export default function KeyProposalsPage() {
  return <ProposalList title="重点提案" view="key" showUnitFilter showExport emptyText="暂无重点提案" />;
}
