import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  Radio,
  Result,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  consultationPlanStateLabels,
  type ConsultationPlanState,
  type PlanItemProgress,
} from '@cppcc/shared';
import {
  planDocument,
  useConsultationPlan,
  useConsultationPlans,
  usePlanCommand,
  type ConsultationPlanDetail,
  type PlanCommandRequest,
} from '../../api/consultation-plans';
import { dateText, dateTimeText } from '../../components/columns';
import { DownloadButton } from '../../components/DownloadButton';
import { PageCard } from '../../components/PageCard';
import { RecordTimeline } from '../../components/RecordTimeline';
import { WorkflowActions } from '../../components/WorkflowActions';
import { holds, useCurrentUser } from '../../hooks/useCurrentUser';
import type { PlanActionContext } from './actions/context';
import { planActions } from './actions/table';
import { PlanStateTag, planYearOptions } from './common';
import { PlanItems } from './PlanItems';
import { thisYear } from '../../app/timeZone';

/** 年度协商计划: the year's plan with its state, approval, items by quarter and how far each has got. */
export default function ConsultationPlanPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const year = Number(searchParams.get('year')) || thisYear();
  const list = useConsultationPlans(year);
  const planId = list.data?.items[0]?.id ?? null;
  const plan = useConsultationPlan(planId);
  const canCreate = holds(useCurrentUser().abilities, 'consultationPlans.manage');

  const yearPicker = (
    <Select
      aria-label="年度"
      value={year}
      style={{ width: 110 }}
      options={planYearOptions()}
      onChange={(y) => setSearchParams({ year: String(y) })}
    />
  );
  let body;
  if (list.isPending || (planId !== null && plan.isPending)) body = <Skeleton active />;
  else if (list.isError) body = <Result status="error" title={list.error.message} />;
  else if (planId === null)
    body = (
      <Empty description={`${year}年度协商计划尚未编制`}>
        {canCreate && (
          <Link to={`/consultation-plans/new?year=${year}`}>
            <Button type="primary" icon={<PlusOutlined />}>
              编制{year}年度协商计划
            </Button>
          </Link>
        )}
      </Empty>
    );
  else if (!plan.data) body = <Result status="404" title="年度协商计划不存在或无权查看" />;
  else body = <PlanView plan={plan.data} />;

  return (
    <Flex vertical gap={16}>
      <PageCard title={`年度协商计划：${year}年`} extra={yearPicker}>
        {body}
      </PageCard>
      {plan.data && planId !== null && (
        <RecordTimeline
          title="计划记录"
          entries={plan.data.timeline.map((t) => ({ ...t, fromState: null, toState: null, createdAt: t.at }))}
          actionLabel={(t) => t.actionLabel}
          stateLabel={(s) => consultationPlanStateLabels[s as ConsultationPlanState] ?? s}
          color={(t) => (t.action === 'approve' ? 'green' : t.action === 'withdraw' ? 'orange' : 'blue')}
        />
      )}
    </Flex>
  );
}

function PlanView({ plan }: { plan: ConsultationPlanDetail }) {
  const narrow = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const command = usePlanCommand(plan.id);
  const [filter, setFilter] = useState<PlanItemProgress | null>(null);
  const context: PlanActionContext = {
    plan,
    send: (name, body) => command.mutateAsync({ command: name, body } as PlanCommandRequest),
    navigate,
  };
  const c = plan.counts;
  const choices: { value: PlanItemProgress | 'all'; label: string }[] = [
    { value: 'all', label: `全部 ${c.total} ${c.unit}` },
    { value: 'done', label: `已完成 ${c.done} ${c.unit}` },
    { value: 'inProgress', label: `进行中 ${c.inProgress} ${c.unit}` },
    { value: 'notStarted', label: `未开展 ${c.notStarted} ${c.unit}` },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {plan.title}
          </Typography.Title>
          <PlanStateTag state={plan.state} label={plan.stateLabel} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'documentNumber', label: '批准文号', children: plan.documentNumber ?? '—' },
            {
              key: 'approvedOn',
              label: '批准日期',
              children: plan.approvedOn ? dateText(plan.approvedOn) : '—',
            },
            {
              key: 'submittedAt',
              label: '报送党委',
              children: plan.submittedAt ? dateTimeText(plan.submittedAt) : '—',
            },
          ]}
        />
        <WorkflowActions
          actions={planActions}
          context={context}
          policies={plan.policies}
          extra={
            <DownloadButton
              path={planDocument(plan.id)}
              fileName={`${plan.title}.docx`}
              icon={<DownloadOutlined />}
            >
              导出 Word
            </DownloadButton>
          }
        />
      </Flex>
      <Card size="small" title="完成情况">
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          共 {c.total} {c.unit}：已完成 {c.done} {c.unit}，进行中 {c.inProgress} {c.unit}，未开展{' '}
          {c.notStarted} {c.unit}
        </Typography.Paragraph>
        <Radio.Group
          aria-label="按进展筛选"
          optionType="button"
          value={filter ?? 'all'}
          onChange={(e) => setFilter(e.target.value === 'all' ? null : e.target.value)}
          options={choices.map((o) => ({
            value: o.value,
            label: (
              <span style={o.value !== 'all' ? { color: colorText[o.value] } : undefined}>{o.label}</span>
            ),
          }))}
        />
      </Card>
      <PlanItems items={plan.items} narrow={narrow} filter={filter} />
    </Flex>
  );
}

/** The figures' words in the colour of their tags. */
const colorText: Record<PlanItemProgress, string | undefined> = {
  done: '#237804',
  inProgress: '#0958d9',
  notStarted: undefined,
};
