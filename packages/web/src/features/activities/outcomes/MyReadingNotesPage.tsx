import { useState } from 'react';
import { Button, Flex, Grid, Input, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { createReadingNoteBody } from '@cppcc/shared';
import { useCreateReadingNote, useReadingNoteList } from '../../../api/activity-outcomes';
import { showSuccess } from '../../../app/notifier';
import { CommandModal } from '../../../components/CommandModal';
import { useListAddress } from '../../../components/listAddress';
import { PageCard } from '../../../components/PageCard';
import { bodyOf, SchemaItem, type BodySchema } from '../../../components/schemaFields';
import { CardList } from '../ListFilters';
import { useInvitedActivities } from './MySpeechesPage';
import { ReadingNoteItem } from './ReadingNoteItem';

const schema = createReadingNoteBody as unknown as BodySchema;

/** 读书笔记 of a member: their notes with state, 撤回, and 提交读书笔记. Phones first. */
export default function MyReadingNotesPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const { searchParams, update } = useListAddress();
  const page = Number(searchParams.get('page') ?? 1) || 1;
  const pageSize = 10;
  const list = useReadingNoteList({ mine: 'true', page, pageSize, sort: 'createdAt', order: 'desc' });
  const [dialog, setDialog] = useState<'open' | 'closing' | null>(null);

  return (
    <PageCard
      title="我的读书笔记"
      compact={narrow}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('open')}>
          提交读书笔记
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">提交的读书笔记计入履职；撤回或被退回的不计。</Typography.Text>
        <CardList
          list={list}
          page={page}
          pageSize={pageSize}
          countWord="篇"
          emptyText="暂无读书笔记"
          onPage={(next) => update({ page: next }, false)}
          card={(n) => <ReadingNoteItem note={n} showMember={false} />}
        />
      </Flex>
      {dialog && (
        <ReadingNoteDialog
          open={dialog === 'open'}
          onClose={() => setDialog('closing')}
          afterClose={() => setDialog(null)}
        />
      )}
    </PageCard>
  );
}

function ReadingNoteDialog(props: { open: boolean; onClose: () => void; afterClose: () => void }) {
  const create = useCreateReadingNote();
  const activities = useInvitedActivities(true, 'reading');
  return (
    <CommandModal
      title="提交读书笔记"
      okText="提交"
      open={props.open}
      onClose={props.onClose}
      afterClose={props.afterClose}
      width={640}
      toBody={(v) => bodyOf(schema, v, 0)}
      run={async (body) => {
        await create.mutateAsync(body as Parameters<typeof create.mutateAsync>[0]);
        showSuccess('读书笔记已提交，计入履职');
      }}
    >
      {() => (
        <>
          <SchemaItem schema={schema} name="bookTitle" label="书名">
            <Input maxLength={60} showCount placeholder="不用加书名号" />
          </SchemaItem>
          <SchemaItem schema={schema} name="title" label="笔记题目">
            <Input maxLength={80} showCount />
          </SchemaItem>
          <SchemaItem schema={schema} name="content" label="笔记内容">
            <Input.TextArea rows={8} maxLength={5000} showCount />
          </SchemaItem>
          <SchemaItem
            schema={schema}
            name="activityId"
            label="读书活动"
            extra="为受邀参加的读书活动所写时选择"
          >
            <Select
              allowClear
              placeholder="不属于读书活动"
              options={activities}
              notFoundContent="暂无受邀参加的读书活动"
            />
          </SchemaItem>
        </>
      )}
    </CommandModal>
  );
}
