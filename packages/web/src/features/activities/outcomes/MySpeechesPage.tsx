import { useState } from 'react';
import { Button, Flex, Grid, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useActivityList } from '../../../api/activities';
import { useSpeechList } from '../../../api/activity-outcomes';
import { dateText } from '../../../components/columns';
import { useListAddress } from '../../../components/listAddress';
import { PageCard } from '../../../components/PageCard';
import { CardList } from '../ListFilters';
import { SpeechFormDialog } from './SpeechFormDialog';
import { SpeechItem } from './SpeechItem';

/** 我的发言: the member's speeches with their state, 撤回 while waiting, and 提交书面发言. Phones first. */
export default function MySpeechesPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const { searchParams, update } = useListAddress();
  const page = Number(searchParams.get('page') ?? 1) || 1;
  const pageSize = 10;
  const list = useSpeechList({ mine: 'true', page, pageSize, sort: 'createdAt', order: 'desc' });
  const [dialog, setDialog] = useState<'open' | 'closing' | null>(null);
  const invited = useInvitedActivities(dialog !== null);

  return (
    <PageCard
      title="我的发言"
      compact={narrow}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('open')}>
          提交书面发言
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          书面发言经工作人员收录后计入履职；口头发言由工作人员登记。
        </Typography.Text>
        <CardList
          list={list}
          page={page}
          pageSize={pageSize}
          countWord="篇"
          emptyText="暂无发言"
          onPage={(next) => update({ page: next }, false)}
          card={(s) => <SpeechItem speech={s} showActivity showMember={false} />}
        />
      </Flex>
      {dialog && (
        <SpeechFormDialog
          open={dialog === 'open'}
          activities={invited}
          onClose={() => setDialog('closing')}
          afterClose={() => setDialog(null)}
        />
      )}
    </PageCard>
  );
}

/** The member's invited activities (of a category) a speech or note may be for: published or closed, latest first. */
export function useInvitedActivities(enabled: boolean, category?: string) {
  const list = useActivityList(
    { view: 'mine', page: 1, pageSize: 100, sort: 'startsAt', order: 'desc' },
    enabled,
  );
  return (list.data?.items ?? [])
    .filter(
      (a) => (a.state === 'published' || a.state === 'closed') && (!category || a.category === category),
    )
    .map((a) => ({ value: a.id, label: `${a.topic}（${dateText(a.startsAt)}）` }));
}
