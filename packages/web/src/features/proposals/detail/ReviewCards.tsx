import { Link } from 'react-router';
import { Alert } from 'antd';
import { rejectionDispositionLabels } from '@cppcc/shared';
import type { ProposalDetail } from '../../../api/proposals';
import { SimilarRecordsCard } from '../../../components/SimilarRecordsCard';
import { useProposalActionContext } from '../actions/ProposalActions';
import { MergeDialog } from '../actions/ReviewDialogs';

/** Sections of the proposal detail about its review: the outcome notices and similar proposals. */

/** Why the proposal was returned, rejected or merged. */
export function ReviewNotices({ proposal: p }: { proposal: ProposalDetail }) {
  return (
    <>
      {p.returnComment && p.state === 'returned' && (
        <Alert type="warning" showIcon title="退回修改意见" description={p.returnComment} />
      )}
      {p.rejection && (
        <Alert
          type="error"
          showIcon
          title={`不予立案：${p.rejection.ground}`}
          description={
            <>
              <div>{p.rejection.reason}</div>
              {p.rejection.disposition && (
                <div>
                  处理方式：
                  {rejectionDispositionLabels[
                    p.rejection.disposition as keyof typeof rejectionDispositionLabels
                  ] ?? p.rejection.disposition}
                </div>
              )}
            </>
          }
        />
      )}
      {p.mergedIntoId && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              已并入<Link to={`/proposals/${p.mergedIntoId}`}>主提案</Link>办理
            </>
          }
        />
      )}
    </>
  );
}

/** Proposals that may still take others in (并案): accepted, not closed. */
const openForMerge = ['accepted', 'assigned', 'answered', 'rehandling'];

/**
 * Proposals and opinions of every year like this one, for the staff reviewing it: ranked, copies and
 * likely duplicates flagged, one click to merge it into an accepted proposal of the same session.
 */
export function SimilarCard({ proposal: p }: { proposal: ProposalDetail }) {
  const context = useProposalActionContext(p);
  return (
    <SimilarRecordsCard
      kind="proposal"
      id={p.id}
      title="相似与重复（历年提案与社情民意）"
      empty="没有相似的提案或社情民意"
      warning={(items) => {
        const exact = items.filter((i) => i.exact).length;
        const duplicates = items.filter((i) => i.likelyDuplicate && !i.exact).length;
        if (exact === 0 && duplicates === 0) return null;
        return {
          type: exact > 0 ? 'error' : 'warning',
          text: [
            exact > 0 && `${exact} 件（篇）标题或内容完全相同`,
            duplicates > 0 && `${duplicates} 件（篇）疑似重复`,
          ]
            .filter(Boolean)
            .join('，')
            .concat('，请核实是否重复提交或可以并案'),
        };
      }}
      actionLabel="并入此案"
      canAct={(i) =>
        !!p.policies.canMerge &&
        i.kind === 'proposal' &&
        i.link !== null &&
        i.sessionId === p.session?.id &&
        openForMerge.includes(i.state)
      }
      dialog={(i, state) => (
        <MergeDialog
          context={{
            ...context,
            mergeTarget: { id: i.id, label: `${i.numberLabel ?? ''} ${i.title}`.trim() },
          }}
          {...state}
        />
      )}
    />
  );
}
