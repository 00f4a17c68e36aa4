import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useSimilarToText, type SimilarKind } from '../../api/search';
import { SimilarList } from '../../components/SimilarList';

const shownFirst = 3;

/**
 * While a member writes: proposals and opinions of this and earlier years like the text, with what came
 * of each. A hint, never a stop: the member may well write on the matter again.
 */
export function SimilarHint(props: { title?: string; content?: string; kinds: SimilarKind[] }) {
  const similar = useSimilarToText({ title: props.title ?? '', content: props.content ?? '' }, props.kinds);
  const [all, setAll] = useState(false);
  const items = similar.data?.items ?? [];
  if (items.length === 0) return null;
  const duplicates = items.filter((i) => i.likelyDuplicate).length;
  return (
    <Alert
      type={duplicates > 0 ? 'warning' : 'info'}
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      title={
        duplicates > 0
          ? `已有 ${duplicates} 件（篇）内容相近的提案或社情民意，建议先看看是否已有人提出、办理结果如何`
          : `找到 ${items.length} 件（篇）相关的提案或社情民意，可供参考`
      }
      description={
        <>
          <SimilarList items={all ? items : items.slice(0, shownFirst)} empty="" />
          {items.length > shownFirst && (
            <Button type="link" size="small" onClick={() => setAll(!all)} style={{ padding: 0 }}>
              {all ? '收起' : `查看全部 ${items.length} 条`}
            </Button>
          )}
        </>
      }
    />
  );
}
