import { ProposalList } from './ProposalList';

/** 超期提案: units past their deadline without an approved answer. */
export default function OverduePage() {
  return (
    <ProposalList
      title="超期提案"
      view="overdue"
      states={['assigned', 'rehandling']}
      showUnitFilter
      showExport
      emptyText="没有超期提案"
    />
  );
}
