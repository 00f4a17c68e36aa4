import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Flex, Form, Grid, Result, Skeleton, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import {
  opinionDocuments,
  useIssue,
  useIssueList,
  useOpinionFormOptions,
  useSendIssue,
  type OpinionIssueDto,
  type OpinionIssueListItem,
} from '../../api/opinions';
import { dateText } from '../../components/columns';
import { DownloadButton } from '../../components/DownloadButton';
import { FilterBar, selectFilter } from '../../components/FilterBar';
import { ListCard } from '../../components/ListCard';
import { tableChange, useListAddress } from '../../components/listAddress';
import { PageCard } from '../../components/PageCard';
import { PagedTable } from '../../components/PagedTable';
import { WorkflowActions, type WorkflowAction } from '../../components/WorkflowActions';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { recentYears } from './common';
import { options } from '../../components/schemaFields';
import { opinionIssueStateLabels } from '@cppcc/shared';

const stateTag = (state: OpinionIssueDto['state'], label: string) => (
  <Tag color={state === 'sent' ? 'green' : 'blue'}>{label}</Tag>
);

/** 期刊: the committee's issues of 《社情民意》 and its other series, by series and year. */
export function IssueListPage() {
  const { searchParams, update, clear } = useListAddress();
  const [form] = Form.useForm();
  const user = useCurrentUser();
  const formOptions = useOpinionFormOptions();
  const params = useMemo(
    () => ({
      series: searchParams.get('series') ?? undefined,
      state: searchParams.get('state') ?? undefined,
      year: searchParams.get('year') ?? undefined,
      // A figure's quarter (issues sent in it) narrows the list too.
      quarter: searchParams.get('quarter') ?? undefined,
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? 20) || 20,
    }),
    [searchParams],
  );
  const list = useIssueList(params);
  const columns: ColumnsType<OpinionIssueListItem> = [
    {
      title: '期号',
      dataIndex: 'label',
      key: 'label',
      render: (label: string, r) => <Link to={`/opinions/issues/${r.id}`}>{label}</Link>,
    },
    { title: '状态', dataIndex: 'state', key: 'state', render: (s, r) => stateTag(s, r.stateLabel) },
    { title: '篇数', dataIndex: 'articleCount', key: 'articleCount', align: 'right' },
    { title: '编辑', dataIndex: 'compiledBy', key: 'compiledBy' },
    { title: '编辑时间', dataIndex: 'createdAt', key: 'createdAt', render: dateText },
    { title: '印发时间', dataIndex: 'sentAt', key: 'sentAt', render: dateText },
  ];
  const seriesOptions = (formOptions.data?.series ?? []).map((s) => ({ value: s, label: `《${s}》` }));
  return (
    <PageCard title="期刊">
      <FilterBar<Record<string, string | undefined>>
        form={form}
        fields={[
          selectFilter('series', '刊物', seriesOptions, 180),
          selectFilter('state', '状态', options(opinionIssueStateLabels), 120),
          selectFilter('year', '年度', recentYears(), 110),
        ]}
        initialValues={{ series: params.series, state: params.state, year: params.year }}
        onApply={(v) => update({ series: v.series, state: v.state, year: v.year })}
        onReset={() => {
          form.resetFields();
          clear();
        }}
      />
      <PagedTable<OpinionIssueListItem>
        columns={columns}
        list={list}
        page={params.page}
        pageSize={params.pageSize}
        countWord="期"
        actions={
          user.abilities['opinions.edit'] && (
            <Link to="/opinions/issues/new">
              <Button type="primary" icon={<PlusOutlined />}>
                编辑新一期
              </Button>
            </Link>
          )
        }
        locale={{ emptyText: '暂无期刊' }}
        onChange={(pager, _f, sorter) => update(tableChange(pager, sorter, {}, { order: 'desc' }), false)}
      />
    </PageCard>
  );
}

interface IssueActionContext {
  issue: OpinionIssueDto;
  send: (version: number) => Promise<unknown>;
  navigate: (to: string) => void;
}

const issueActions: readonly WorkflowAction<IssueActionContext>[] = [
  {
    key: 'edit',
    label: '修改',
    ability: 'update',
    perform: (c) => c.navigate(`/opinions/issues/${c.issue.id}/edit`),
  },
  {
    key: 'send',
    label: '印发',
    ability: 'send',
    primary: true,
    confirm: {
      title: '印发',
      content: ({ issue: i }) =>
        `印发${i.label}（${i.articles.length} 篇）后不能再修改${
          i.reportToParent ? '，所收信息同时报送上级政协' : ''
        }。确定印发吗？`,
      run: (c) => c.send(c.issue.version),
      success: '已印发',
    },
  },
];

/** One issue: its articles, recipients, the Word document, and 印发. */
export function IssueDetailPage() {
  const id = Number(useParams().id);
  const query = useIssue(Number.isInteger(id) && id > 0 ? id : null);
  const send = useSendIssue(id);
  const navigate = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  if (query.isPending) return <Skeleton active />;
  if (!query.data)
    return <Result status="404" title="期刊不存在或无权查看" subTitle={query.error?.message} />;
  const i = query.data;
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={8}>
          <Space wrap size={4}>
            {stateTag(i.state, i.stateLabel)}
          </Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {i.label}
          </Typography.Title>
          <WorkflowActions
            actions={issueActions}
            context={{ issue: i, send: send.mutateAsync, navigate }}
            policies={i.policies}
            extra={
              <DownloadButton path={opinionDocuments.issue(i.id)} fileName={`${i.label}.docx`}>
                导出 Word
              </DownloadButton>
            }
          />
        </Flex>
      </Card>
      <Card title="基本信息" size="small">
        <Descriptions
          column={narrow ? 1 : 2}
          size="small"
          bordered={!narrow}
          items={[
            { label: '编辑', children: i.compiledBy },
            { label: '印发时间', children: dateText(i.sentAt) || '未印发' },
            { label: '报送', children: i.reportTo.join('、') || '—' },
            { label: '抄送', children: i.copyTo.join('、') || '—' },
            { label: '报送上级政协', children: i.reportToParent ? '是' : '否' },
          ].map((item) => ({ key: item.label, ...item }))}
        />
      </Card>
      <ListCard
        title={`本期信息（${i.articles.length} 篇）`}
        items={i.articles}
        render={(a) => (
          <Space wrap size={4}>
            <Link to={`/opinions/${a.id}`}>{a.title}</Link>
            <Tag>{a.category}</Tag>
            <Typography.Text type="secondary">{a.contributors.join('、')}</Typography.Text>
          </Space>
        )}
      />
    </Flex>
  );
}
