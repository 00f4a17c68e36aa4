import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ActivityDetail } from '../../../api/activities';
import { useSpeechList } from '../../../api/activity-outcomes';
import { ListCard } from '../../../components/ListCard';
import { useCurrentUser } from '../../../hooks/useCurrentUser';
import { held } from './ActivitySuggestionsCard';
import { SpeechFormDialog } from './SpeechFormDialog';
import { SpeechItem } from './SpeechItem';

/**
 * 会议发言 of one activity: the staff and leaders see every speech and the staff record one for a
 * member; an invited member sees their own and submits a written one.
 */
export function ActivitySpeechesCard({ activity: a }: { activity: ActivityDetail }) {
  const abilities = useCurrentUser().abilities;
  const overview = abilities['activityOutcomes.overview'] === true;
  const manage = abilities['activityOutcomes.manage'] === true;
  const author = !overview && a.mine !== null && abilities['activityOutcomes.write'] === true;
  const list = useSpeechList(
    { activityId: a.id, pageSize: 200, sort: 'createdAt', order: 'asc', ...(author && { mine: 'true' }) },
    overview || author,
  );
  const [dialog, setDialog] = useState<'open' | 'closing' | null>(null);
  if (!overview && !author) return null;
  const items = list.data?.items ?? [];
  const canAdd = held(a) && (manage || author);
  return (
    <ListCard
      title={author ? '我的发言' : `会议发言（${list.data?.total ?? 0} 篇）`}
      items={items}
      emptyText={list.isPending ? '加载中…' : '暂无发言'}
      render={(s) => <SpeechItem speech={s} showActivity={false} showMember={!author} />}
    >
      {canAdd && (
        <Button icon={<PlusOutlined />} onClick={() => setDialog('open')}>
          {manage ? '登记发言' : '提交书面发言'}
        </Button>
      )}
      {dialog && (
        <SpeechFormDialog
          open={dialog === 'open'}
          activityId={a.id}
          forMember={
            manage
              ? {
                  invitees: a.invitations.map((i) => ({
                    value: i.memberId,
                    label: `${i.memberName}（${i.sectorName}）`,
                  })),
                }
              : undefined
          }
          onClose={() => setDialog('closing')}
          afterClose={() => setDialog(null)}
        />
      )}
    </ListCard>
  );
}
