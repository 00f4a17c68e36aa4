import type { OpinionDetail } from '../../../api/opinions';
import { SimilarRecordsCard } from '../../../components/SimilarRecordsCard';
import { useOpinionActionContext } from '../actions/OpinionActions';
import { CombineDialog } from '../actions/DecisionDialogs';

/** Opinions the editors may still combine with this one: handed in, not yet decided. */
const combinable = ['submitted', 'editing'];

/**
 * Opinions and proposals of every year like this opinion, for its editors: ranked, copies and likely
 * duplicates flagged, one click to combine this one with another still open (综合采用).
 */
export function OpinionSimilarCard({ opinion: o }: { opinion: OpinionDetail }) {
  const context = useOpinionActionContext(o);
  return (
    <SimilarRecordsCard
      kind="opinion"
      id={o.id}
      title="相似与重复（历年社情民意与提案）"
      empty="没有相似的社情民意或提案"
      warning={(items) => {
        const duplicates = items.filter((i) => i.likelyDuplicate).length;
        return duplicates > 0
          ? { type: 'warning', text: `${duplicates} 篇（件）内容相近或相同，请核实是否可以综合采用` }
          : null;
      }}
      actionLabel="与本篇综合采用"
      canAct={(i) =>
        !!o.policies.canCombine && i.kind === 'opinion' && i.link !== null && combinable.includes(i.state)
      }
      dialog={(i, state) => (
        <CombineDialog context={{ ...context, combineWith: [{ id: i.id, title: i.title }] }} {...state} />
      )}
    />
  );
}
