import { Link } from 'react-router';
import { Grid, Input, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  activityCategoryLabels,
  suggestionStateLabels,
  type ActivityCategory,
  type SuggestionState,
} from '@cppcc/shared';
import { useActivityFormOptions } from '../../../api/activities';
import { outcomeDocuments, useSuggestionList, type SuggestionDto } from '../../../api/activity-outcomes';
import { toSelectOptions, useOrganisationOptions } from '../../../api/resources';
import { dateText } from '../../../components/columns';
import { DownloadButton } from '../../../components/DownloadButton';
import { selectFilter, type FilterField } from '../../../components/FilterBar';
import { withSortOrder } from '../../../components/listAddress';
import { PageCard } from '../../../components/PageCard';
import { useCurrentUser } from '../../../hooks/useCurrentUser';
import { ListFilters } from '../ListFilters';
import { addressParams, categoryOptions, yearOptions } from '../common';
import {
  onlyOption,
  OutcomeList,
  SuggestionStateTag,
  suggestionStateOptions,
  useOutcomeListParams,
} from './common';
import { SuggestionActions } from './SuggestionActions';
import { DeadlineText, SuggestionItem, SuggestionResults } from './SuggestionItem';

const barKeys = ['q', 'state', 'unitId', 'year', 'kind', 'category', 'overdue', 'adopted', 'sent'] as const;
/** A figure or an activity hands these over too; they show as tags. */
const filterKeys = [...barKeys, 'activityId'];
const fallbackSort = { sort: 'createdAt', order: 'desc' as const };

/**
 * 意见建议: the suggestions activities produced, followed to results. The staff send them and record
 * results; leaders read; a department sees (and answers) only what was sent to it.
 */
export default function SuggestionsPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const abilities = useCurrentUser().abilities;
  const overview = abilities['activityOutcomes.overview'] === true;
  const readsActivities = abilities['activities.overview'] === true;
  const formOptions = useActivityFormOptions(readsActivities);
  const units = useOrganisationOptions();
  const { searchParams, params, page, pageSize, exportQuery, update, onTable } = useOutcomeListParams(
    filterKeys,
    narrow,
    fallbackSort,
  );
  const list = useSuggestionList(params);

  const width = (w: number) => (narrow ? '100%' : w);
  const kindOptions = (formOptions.data?.kinds ?? []).map((k) => ({ value: k.code, label: k.label }));
  const unitOptions = toSelectOptions(units.data?.units).map((o) => ({ ...o, value: String(o.value) }));
  const all: FilterField[] = [
    {
      name: 'q',
      label: '关键词',
      input: <Input allowClear placeholder="建议内容" style={{ width: width(150) }} />,
    },
    selectFilter('state', '状态', suggestionStateOptions, width(110)),
    ...(overview ? [selectFilter('unitId', '报送部门', unitOptions, width(160), true)] : []),
    selectFilter('year', '年度', yearOptions(), width(100)),
    ...(readsActivities ? [selectFilter('kind', '活动类型', kindOptions, width(150), true)] : []),
    selectFilter('category', '活动类别', categoryOptions, width(120)),
    selectFilter('overdue', '逾期', onlyOption('仅逾期'), width(100)),
    selectFilter('adopted', '已采纳', onlyOption('已采纳（含已落实）'), width(150)),
    selectFilter('sent', '已报送', onlyOption('已报送（含后续）'), width(150)),
  ];
  // A phone keeps the short bar; what it leaves out and a figure set shows as a tag.
  const fields = narrow ? all.filter((f) => ['q', 'state', 'overdue'].includes(f.name)) : all;
  const shown = fields.map((f) => f.name);
  const kindName = (v: string) => kindOptions.find((k) => k.value === v)?.label ?? v;
  const hidden: Record<string, (v: string) => string> = {
    state: (v) => `状态：${suggestionStateLabels[v as SuggestionState] ?? v}`,
    unitId: (v) => `报送部门：${unitOptions.find((o) => o.value === v)?.label ?? v}`,
    year: (v) => `年度：${v}`,
    kind: (v) => `活动类型：${kindName(v)}`,
    category: (v) => `活动类别：${activityCategoryLabels[v as ActivityCategory] ?? v}`,
    overdue: () => '逾期',
    adopted: () => '已采纳（含已落实）',
    sent: () => '已报送（含后续）',
  };
  const tags = {
    ...Object.fromEntries(Object.entries(hidden).filter(([k]) => !shown.includes(k))),
    activityId: (v: string) => `活动 #${v}`,
  };

  const columns = withSortOrder<SuggestionDto>(
    [
      {
        title: '建议内容',
        dataIndex: 'content',
        key: 'content',
        width: 280,
        render: (content: string) => (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: content }} style={{ margin: 0 }}>
            {content}
          </Typography.Paragraph>
        ),
      },
      {
        title: '活动',
        key: 'activity',
        render: (_, s) => (
          <>
            {readsActivities ? (
              <Link to={`/activities/${s.activityId}`}>{s.activityTopic}</Link>
            ) : (
              s.activityTopic
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {s.activityKindLabel} · {dateText(s.activityStartsAt)}
            </Typography.Text>
          </>
        ),
      },
      {
        title: '报送部门',
        dataIndex: 'unitName',
        key: 'unitName',
        render: (u: string | null) => u ?? '未定',
      },
      {
        title: '反馈期限',
        dataIndex: 'deadline',
        key: 'deadline',
        sorter: true,
        render: (_, s) => <DeadlineText suggestion={s} />,
      },
      {
        title: '状态',
        key: 'state',
        width: 96,
        render: (_, s) => <SuggestionStateTag state={s.state} />,
      },
      {
        title: '操作',
        key: 'actions',
        render: (_, s) => <SuggestionActions suggestion={s} />,
      },
    ] satisfies ColumnsType<SuggestionDto>,
    params.sort,
    params.order,
  );

  return (
    <PageCard
      title="意见建议"
      compact={narrow}
      extra={
        !narrow && (
          <DownloadButton path={outcomeDocuments.suggestions} query={exportQuery} fileName="意见建议.xlsx">
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
      <OutcomeList<SuggestionDto>
        narrow={narrow}
        list={list}
        page={page}
        pageSize={pageSize}
        countWord="条"
        emptyText="暂无意见建议"
        onPage={(next, size) => update({ page: next, pageSize: size }, false)}
        card={(s) => <SuggestionItem suggestion={s} showActivity linkActivity={readsActivities} />}
        columns={columns}
        onTable={onTable}
        rowStyle={(s) => (s.overdue ? { background: '#fff1f0' } : undefined)}
        expanded={(s) => (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.content}</Typography.Paragraph>
            <SuggestionResults suggestion={s} />
          </>
        )}
      />
    </PageCard>
  );
}
