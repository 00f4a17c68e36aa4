import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import type { OpinionDetail } from '../../../api/opinions';
import { useSimilarToRecord, type SimilarItem } from '../../../api/search';
import { SimilarList } from '../../../components/SimilarList';
import { useOpinionActionContext } from '../actions/OpinionActions';
import { CombineDialog } from '../actions/DecisionDialogs';

/** Opinions the editors may still combine with this one: handed in, not yet decided. */
const combinable = ['submitted', 'editing'];

/**
 * Opinions and proposals of every year like this opinion, for its editors: ranked, copies and likely
 * duplicates flagged, one click to combine this one with another still open (综合采用).
 */
export function OpinionSimilarCard({ opinion: o }: { opinion: OpinionDetail }) {
  const similar = useSimilarToRecord('opinion', o.id);
  const context = useOpinionActionContext(o);
  const [target, setTarget] = useState<{ with: { id: number; title: string }[]; open: boolean } | null>(null);
  const items = similar.data?.items ?? [];
  const duplicates = items.filter((i) => i.likelyDuplicate);
  const canCombine = (i: SimilarItem) =>
    o.policies.canCombine && i.kind === 'opinion' && i.link !== null && combinable.includes(i.state);
  return (
    <Card title="相似与重复（历年社情民意与提案）" size="small" loading={similar.isPending}>
      {duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${duplicates.length} 篇（件）内容相近或相同，请核实是否可以综合采用`}
        />
      )}
      <SimilarList
        items={items}
        empty="没有相似的社情民意或提案"
        action={(i) =>
          canCombine(i) ? (
            <Button
              size="small"
              onClick={() => setTarget({ with: [{ id: i.id, title: i.title }], open: true })}
            >
              与本篇综合采用
            </Button>
          ) : null
        }
      />
      {target && (
        <CombineDialog
          context={{ ...context, combineWith: target.with }}
          open={target.open}
          onClose={() => setTarget({ ...target, open: false })}
          afterClose={() => setTarget(null)}
        />
      )}
    </Card>
  );
}
