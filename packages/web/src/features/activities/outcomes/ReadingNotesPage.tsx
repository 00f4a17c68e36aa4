import { Link } from 'react-router';
import { Grid } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { outcomeDocuments, useReadingNoteList, type ReadingNoteDto } from '../../../api/activity-outcomes';
import { dateText } from '../../../components/columns';
import { DownloadButton } from '../../../components/DownloadButton';
import { selectFilter, type FilterField } from '../../../components/FilterBar';
import { withSortOrder } from '../../../components/listAddress';
import { PageCard } from '../../../components/PageCard';
import { ListFilters } from '../ListFilters';
import { addressParams, yearOptions } from '../common';
import { OutcomeList, ReadingNoteStateTag, readingNoteStateOptions, useOutcomeListParams } from './common';
import { MemberFilter } from './MemberFilter';
import { ReadingNoteActions } from './ReadingNoteActions';
import { ReadingNoteBody, ReadingNoteItem } from './ReadingNoteItem';

const barKeys = ['state', 'year', 'memberId'] as const;
const filterKeys = [...barKeys, 'activityId'];
const fallbackSort = { sort: 'createdAt', order: 'desc' as const };

/** 读书笔记: every member's reading notes; the staff return one that does not count, leaders read. */
export default function ReadingNotesPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const { searchParams, params, page, pageSize, exportQuery, update, onTable } = useOutcomeListParams(
    filterKeys,
    narrow,
    fallbackSort,
  );
  const list = useReadingNoteList(params);
  const width = (w: number) => (narrow ? '100%' : w);
  const memberName = (v: string | null) => list.data?.items.find((n) => String(n.memberId) === v)?.memberName;
  const fields: FilterField[] = [
    selectFilter('state', '状态', readingNoteStateOptions, width(110)),
    selectFilter('year', '年度', yearOptions(), width(100)),
    {
      name: 'memberId',
      label: '委员',
      input: <MemberFilter initialLabel={memberName(searchParams.get('memberId'))} width={width(150)} />,
    },
  ];
  const shown = fields.map((f) => f.name);

  const columns = withSortOrder<ReadingNoteDto>(
    [
      { title: '书名', dataIndex: 'bookTitle', key: 'bookTitle', render: (b: string) => `《${b}》` },
      { title: '笔记题目', dataIndex: 'title', key: 'title' },
      { title: '委员', dataIndex: 'memberName', key: 'memberName' },
      {
        title: '读书活动',
        key: 'activity',
        render: (_, n) =>
          n.activityId ? <Link to={`/activities/${n.activityId}`}>{n.activityTopic}</Link> : '',
      },
      { title: '状态', key: 'state', render: (_, n) => <ReadingNoteStateTag state={n.state} /> },
      { title: '提交时间', dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: dateText },
      { title: '操作', key: 'actions', render: (_, n) => <ReadingNoteActions note={n} /> },
    ] satisfies ColumnsType<ReadingNoteDto>,
    params.sort,
    params.order,
  );

  return (
    <PageCard
      title="读书笔记"
      compact={narrow}
      extra={
        !narrow && (
          <DownloadButton path={outcomeDocuments.readingNotes} query={exportQuery} fileName="读书笔记.xlsx">
            导出 Excel
          </DownloadButton>
        )
      }
    >
      <ListFilters
        fields={fields}
        narrow={narrow}
        initialValues={addressParams(searchParams, shown)}
        toAddress={(v) => Object.fromEntries(shown.map((k) => [k, v[k] as string | undefined]))}
        tags={{
          activityId: (v) =>
            `活动：${list.data?.items.find((n) => String(n.activityId) === v)?.activityTopic ?? `#${v}`}`,
        }}
      />
      <OutcomeList<ReadingNoteDto>
        narrow={narrow}
        list={list}
        page={page}
        pageSize={pageSize}
        countWord="篇"
        emptyText="暂无读书笔记"
        onPage={(next, size) => update({ page: next, pageSize: size }, false)}
        card={(n) => <ReadingNoteItem note={n} showMember />}
        columns={columns}
        onTable={onTable}
        expanded={(n) => <ReadingNoteBody note={n} />}
      />
    </PageCard>
  );
}
