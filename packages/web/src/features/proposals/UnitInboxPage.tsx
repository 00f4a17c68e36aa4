import { ProposalList } from './ProposalList';

/** 承办工作: proposals assigned to the user's unit only. */
export default function UnitInboxPage() {
  return (
    <ProposalList
      title="本单位承办的提案"
      view="unit"
      states={['assigned', 'rehandling', 'answered', 'closed']}
      showExport
      emptyText="本单位暂无承办提案"
    />
  );
}
