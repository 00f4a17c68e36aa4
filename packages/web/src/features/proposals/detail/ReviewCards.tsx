import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card } from 'antd';
import { rejectionDispositionLabels } from '@cppcc/shared';
import type { ProposalDetail } from '../../../api/proposals';
import { useSimilarToRecord, type SimilarItem } from '../../../api/search';
import { SimilarList } from '../../../components/SimilarList';
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
  const similar = useSimilarToRecord('proposal', p.id);
  const context = useProposalActionContext(p);
  const [target, setTarget] = useState<{ id: number; label: string; open: boolean } | null>(null);
  const items = similar.data?.items ?? [];
  const exact = items.filter((i) => i.exact);
  const duplicates = items.filter((i) => i.likelyDuplicate && !i.exact);
  const mergeable = (i: SimilarItem) =>
    p.policies.canMerge &&
    i.kind === 'proposal' &&
    i.link !== null &&
    i.sessionId === p.session?.id &&
    openForMerge.includes(i.state);
  return (
    <Card title="相似与重复（历年提案与社情民意）" size="small" loading={similar.isPending}>
      {(exact.length > 0 || duplicates.length > 0) && (
        <Alert
          type={exact.length > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          title={[
            exact.length > 0 && `${exact.length} 件（篇）标题或内容完全相同`,
            duplicates.length > 0 && `${duplicates.length} 件（篇）疑似重复`,
          ]
            .filter(Boolean)
            .join('，')
            .concat('，请核实是否重复提交或可以并案')}
        />
      )}
      <SimilarList
        items={items}
        empty="没有相似的提案或社情民意"
        action={(i) =>
          mergeable(i) ? (
            <Button
              size="small"
              onClick={() =>
                setTarget({ id: i.id, label: `${i.numberLabel ?? ''} ${i.title}`.trim(), open: true })
              }
            >
              并入此案
            </Button>
          ) : null
        }
      />
      {target && (
        <MergeDialog
          context={{ ...context, mergeTarget: target }}
          open={target.open}
          onClose={() => setTarget({ ...target, open: false })}
          afterClose={() => setTarget(null)}
        />
      )}
    </Card>
  );
}
