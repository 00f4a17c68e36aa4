import { useState } from 'react';
import { Button } from 'antd';
import { BatchReviewModal, reviewable, type BatchDecision } from './BatchReview';
import { ProposalList } from './ProposalList';
import { useListSelection } from './useListSelection';

const decisionButtons: { decision: BatchDecision; label: string; danger?: boolean }[] = [
  { decision: 'accept', label: '批量立案' },
  { decision: 'reject', label: '批量不予立案', danger: true },
  { decision: 'merge', label: '批量并案' },
];

/**
 * 审查队列: submitted proposals and those under review; each opens to the review page, and the staff
 * may pick many and decide them at once (立案审查会).
 */
export default function ReviewQueuePage() {
  const { available, selection, picked, clear } = useListSelection(reviewable);
  const [decision, setDecision] = useState<BatchDecision | null>(null);
  return (
    <>
      <ProposalList
        title="提案审查"
        view="review"
        emptyText="没有待审查的提案"
        states={['submitted', 'reviewing']}
        selection={selection}
        extra={
          available &&
          decisionButtons.map((b) => (
            <Button
              key={b.decision}
              danger={b.danger}
              disabled={picked.length === 0}
              onClick={() => setDecision(b.decision)}
            >
              {b.label}（{picked.length}）
            </Button>
          ))
        }
      />
      {decision && (
        <BatchReviewModal
          decision={decision}
          proposals={picked}
          onClose={(done) => {
            setDecision(null);
            if (done) clear();
          }}
        />
      )}
    </>
  );
}
