import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { createSuggestionBody } from '@cppcc/shared';
import type { ActivityDetail } from '../../../api/activities';
import { useCreateSuggestion, useSuggestionList } from '../../../api/activity-outcomes';
import { showSuccess } from '../../../app/notifier';
import { CommandModal } from '../../../components/CommandModal';
import { ListCard } from '../../../components/ListCard';
import { bodyOf, type BodySchema } from '../../../components/schemaFields';
import { useCurrentUser } from '../../../hooks/useCurrentUser';
import { SuggestionFields } from './SuggestionDialogs';
import { SuggestionItem } from './SuggestionItem';

const schema = createSuggestionBody as unknown as BodySchema;
/** Outcomes are recorded for an activity that was held (or is being held). */
export const held = (a: ActivityDetail) => a.state === 'published' || a.state === 'closed';

/** 意见建议 of one activity, with their buttons; the staff add new ones (新增建议). */
export function ActivitySuggestionsCard({ activity: a }: { activity: ActivityDetail }) {
  const abilities = useCurrentUser().abilities;
  const manage = abilities['activityOutcomes.manage'] === true;
  const list = useSuggestionList({ activityId: a.id, pageSize: 200, sort: 'createdAt', order: 'asc' });
  const [dialog, setDialog] = useState<'open' | 'closing' | null>(null);
  const items = list.data?.items ?? [];
  return (
    <ListCard
      title={`意见建议（${list.data?.total ?? 0} 条）`}
      items={items}
      emptyText={list.isPending ? '加载中…' : '暂无意见建议'}
      render={(s) => <SuggestionItem suggestion={s} showActivity={false} linkActivity={false} />}
    >
      {manage && held(a) && (
        <Button icon={<PlusOutlined />} onClick={() => setDialog('open')}>
          新增建议
        </Button>
      )}
      {dialog && (
        <NewSuggestionDialog
          activityId={a.id}
          open={dialog === 'open'}
          onClose={() => setDialog('closing')}
          afterClose={() => setDialog(null)}
        />
      )}
    </ListCard>
  );
}

function NewSuggestionDialog(props: {
  activityId: number;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const create = useCreateSuggestion();
  return (
    <CommandModal
      title="新增意见建议"
      okText="保存"
      open={props.open}
      onClose={props.onClose}
      afterClose={props.afterClose}
      width={600}
      toBody={(v) => bodyOf(schema, { ...v, activityId: props.activityId }, 0, ['deadline'])}
      run={async (body) => {
        await create.mutateAsync(body as Parameters<typeof create.mutateAsync>[0]);
        showSuccess('意见建议已登记，可报送部门');
      }}
    >
      {() => <SuggestionFields schema={schema} />}
    </CommandModal>
  );
}
