import { ProposalList } from './ProposalList';

/** 审查队列: submitted proposals and those under review; each opens to the review page. */
export default function ReviewQueuePage() {
  return (
    <ProposalList
      title="提案审查"
      view="review"
      states={['submitted', 'reviewing']}
      showUnitFilter={false}
      emptyText="没有待审查的提案"
    />
  );
}
