import { useSearchParams } from 'react-router';
import { Input, InputNumber, Select, Tabs } from 'antd';
import { plenarySessionInputSchema, termInputSchema } from '@cppcc/shared';
import { toSelectOptions, useOrganisationOptions } from '../../api/resources';
import { dateText, fieldColumn, nameOf, sorted } from '../../components/columns';
import { selectFilter } from '../../components/FilterBar';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm, type ResourceField } from '../../components/resourceFields';
import type { TermDto, PlenarySessionDto } from '@cppcc/shared';

type Term = TermDto;

type PlenarySession = PlenarySessionDto;

const dateField = <T,>(name: string, label: string, extra?: string): ResourceField<T> => ({
  name,
  label,
  value: 'date',
  extra,
});

const termColumns = [
  fieldColumn<Term>('number', '届次', { sorted: true, render: (n) => `第${n}届` }),
  fieldColumn<Term>('name', '名称', sorted),
  fieldColumn<Term>('startDate', '开始日期', { sorted: true, render: dateText }),
  fieldColumn<Term>('endDate', '结束日期', { render: dateText }),
];

const termForm = declaredForm<Term>(termInputSchema, [
  {
    name: 'number',
    label: '届次',
    caption: '届次（第几届）',
    value: 'choice',
    input: <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />,
  },
  { name: 'name', label: '名称', input: <Input placeholder="如：第五届" /> },
  dateField('startDate', '开始日期'),
  dateField('endDate', '结束日期'),
]);

function TermsTab() {
  return (
    <ResourcePage<Term>
      title="届"
      noun="届"
      endpoint="/api/terms"
      columns={termColumns}
      createAbility="term.create"
      defaultSort={{ sort: 'number', order: 'desc' }}
      form={termForm}
    />
  );
}

function SessionsTab() {
  const options = useOrganisationOptions();
  const termOptions = toSelectOptions(options.data?.terms);
  const columns = [
    fieldColumn<PlenarySession>('name', '名称', sorted),
    fieldColumn<PlenarySession>('termId', '所属届', {
      render: (id, r) => nameOf(options.data?.terms, id, r.termName),
    }),
    fieldColumn<PlenarySession>('meetingStart', '开幕日期', { sorted: true, render: dateText }),
    fieldColumn<PlenarySession>('meetingEnd', '闭幕日期', { render: dateText }),
    {
      title: '大会提案征集期',
      key: 'submission',
      render: (_: unknown, r: PlenarySession) =>
        `${dateText(r.submissionOpens)} 至 ${dateText(r.submissionCloses)}`,
    },
  ];
  const form = declaredForm<PlenarySession>(plenarySessionInputSchema, [
    {
      name: 'termId',
      label: '所属届',
      value: 'choice',
      input: <Select options={termOptions} placeholder="请选择" />,
    },
    {
      name: 'number',
      label: '会议次数',
      caption: '会议次数（第几次会议）',
      value: 'choice',
      input: <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />,
    },
    { name: 'name', label: '名称', input: <Input placeholder="如：五届三次会议" /> },
    dateField('meetingStart', '开幕日期'),
    dateField('meetingEnd', '闭幕日期'),
    dateField('submissionOpens', '提案征集开始日期', '此日期起至截止日期提交的提案为大会提案'),
    dateField('submissionCloses', '提案截止日期'),
  ]);
  return (
    <ResourcePage<PlenarySession>
      title="次会议"
      noun="次会议"
      endpoint="/api/plenary-sessions"
      columns={columns}
      createAbility="plenarySession.create"
      defaultSort={{ sort: 'meetingStart', order: 'desc' }}
      filters={[selectFilter('termId', '届', termOptions, 140)]}
      form={form}
    />
  );
}

/** 届 and 次会议 on one page, one tab each; the tab is kept in the address so reloads stay put. */
export default function TermsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'sessions' ? 'sessions' : 'terms';
  return (
    <Tabs
      activeKey={tab}
      destroyOnHidden
      onChange={(key) => setParams(key === 'sessions' ? { tab: key } : {}, { replace: true })}
      items={[
        { key: 'terms', label: '届', children: <TermsTab /> },
        { key: 'sessions', label: '次会议', children: <SessionsTab /> },
      ]}
    />
  );
}
