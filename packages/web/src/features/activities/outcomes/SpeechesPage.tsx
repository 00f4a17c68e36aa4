import { Link } from 'react-router';
import { Grid, Input, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { speechModeLabels, speechStateLabels, type SpeechMode, type SpeechState } from '@cppcc/shared';
import { useActivityFormOptions } from '../../../api/activities';
import { outcomeDocuments, useSpeechList, type SpeechDto } from '../../../api/activity-outcomes';
import { dateText } from '../../../components/columns';
import { DownloadButton } from '../../../components/DownloadButton';
import { selectFilter, type FilterField } from '../../../components/FilterBar';
import { withSortOrder } from '../../../components/listAddress';
import { PageCard } from '../../../components/PageCard';
import { ListFilters } from '../ListFilters';
import { addressParams, yearOptions } from '../common';
import {
  onlyOption,
  OutcomeList,
  speechModeOptions,
  SpeechStateTag,
  speechStateOptions,
  useOutcomeListParams,
} from './common';
import { MemberFilter } from './MemberFilter';
import { SpeechActions } from './SpeechActions';
import { SpeechBody, SpeechItem } from './SpeechItem';

const barKeys = ['q', 'state', 'mode', 'year', 'kind', 'given', 'memberId'] as const;
const filterKeys = [...barKeys, 'activityId'];
const fallbackSort = { sort: 'createdAt', order: 'desc' as const };

/** 会议发言: every speech at the committee's meetings; the staff accept, decline and select them, leaders read. */
export default function SpeechesPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const formOptions = useActivityFormOptions();
  const { searchParams, params, page, pageSize, exportQuery, update, onTable } = useOutcomeListParams(
    filterKeys,
    narrow,
    fallbackSort,
  );
  const list = useSpeechList(params);
  const width = (w: number) => (narrow ? '100%' : w);
  const kindOptions = (formOptions.data?.kinds ?? []).map((k) => ({ value: k.code, label: k.label }));
  const all: FilterField[] = [
    {
      name: 'q',
      label: '关键词',
      input: <Input allowClear placeholder="发言题目" style={{ width: width(140) }} />,
    },
    selectFilter('state', '状态', speechStateOptions, width(130)),
    selectFilter('mode', '方式', speechModeOptions, width(110)),
    selectFilter('year', '年度', yearOptions(), width(100)),
    selectFilter('kind', '活动类型', kindOptions, width(150), true),
    selectFilter('given', '计入履职', onlyOption('已收录（含口头发言）'), width(170)),
    {
      name: 'memberId',
      label: '委员',
      input: (
        <MemberFilter
          initialLabel={
            list.data?.items.find((s) => String(s.memberId) === searchParams.get('memberId'))?.memberName
          }
          width={width(150)}
        />
      ),
    },
  ];
  const fields = narrow ? all.filter((f) => ['q', 'state'].includes(f.name)) : all;
  const shown = fields.map((f) => f.name);
  const hidden: Record<string, (v: string) => string> = {
    state: (v) => `状态：${speechStateLabels[v as SpeechState] ?? v}`,
    mode: (v) => `方式：${speechModeLabels[v as SpeechMode] ?? v}`,
    year: (v) => `年度：${v}`,
    kind: (v) => `活动类型：${kindOptions.find((k) => k.value === v)?.label ?? v}`,
    given: () => '已收录（含口头发言）',
    memberId: (v) => `委员：${list.data?.items.find((s) => String(s.memberId) === v)?.memberName ?? `#${v}`}`,
  };
  const tags = {
    ...Object.fromEntries(Object.entries(hidden).filter(([k]) => !shown.includes(k))),
    activityId: (v: string) =>
      `活动：${list.data?.items.find((s) => String(s.activityId) === v)?.activityTopic ?? `#${v}`}`,
  };

  const columns = withSortOrder<SpeechDto>(
    [
      { title: '发言题目', dataIndex: 'title', key: 'title' },
      { title: '委员', dataIndex: 'memberName', key: 'memberName' },
      {
        title: '活动',
        key: 'activity',
        render: (_, s) => (
          <>
            <Link to={`/activities/${s.activityId}`}>{s.activityTopic}</Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {s.occasionLabel} · {dateText(s.activityStartsAt)}
            </Typography.Text>
          </>
        ),
      },
      { title: '方式', dataIndex: 'modeLabel', key: 'mode' },
      { title: '状态', key: 'state', render: (_, s) => <SpeechStateTag state={s.state} /> },
      { title: '提交时间', dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: dateText },
      { title: '操作', key: 'actions', render: (_, s) => <SpeechActions speech={s} /> },
    ] satisfies ColumnsType<SpeechDto>,
    params.sort,
    params.order,
  );

  return (
    <PageCard
      title="会议发言"
      compact={narrow}
      extra={
        !narrow && (
          <DownloadButton path={outcomeDocuments.speeches} query={exportQuery} fileName="会议发言.xlsx">
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
        tags={tags}
      />
      <OutcomeList<SpeechDto>
        narrow={narrow}
        list={list}
        page={page}
        pageSize={pageSize}
        countWord="人次"
        emptyText="暂无发言"
        onPage={(next, size) => update({ page: next, pageSize: size }, false)}
        card={(s) => <SpeechItem speech={s} showActivity showMember />}
        columns={columns}
        onTable={onTable}
        expanded={(s) => <SpeechBody speech={s} />}
      />
    </PageCard>
  );
}
