import { useSearchParams } from 'react-router';
import { DatePicker, Form, Input, InputNumber, Select, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { plenarySessionInputSchema, termInputSchema } from '@cppcc/shared';
import { toSelectOptions, useOrganisationOptions, type Identified } from '../../api/resources';
import { dateText, nameOf } from '../../components/columns';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';

interface Term extends Identified {
  number: number;
  name: string;
  startDate: string;
  endDate: string;
}

interface PlenarySession extends Identified {
  termId: number;
  termName?: string;
  number: number;
  name: string;
  meetingStart: string;
  meetingEnd: string;
  submissionOpens: string;
  submissionCloses: string;
}

const day = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const toDay = (v: string | null | undefined) => (v ? dayjs(v) : undefined);
const dateRule = (
  schema: typeof termInputSchema | typeof plenarySessionInputSchema,
  field: string,
  label: string,
) => zodRule(schema, field, label, (v) => day(v));

const termColumns: ColumnsType<Term> = [
  sortable<Term>({ title: '届次', dataIndex: 'number', key: 'number', render: (n) => `第${n}届` }),
  sortable<Term>({ title: '名称', dataIndex: 'name', key: 'name' }),
  sortable<Term>({ title: '开始日期', dataIndex: 'startDate', key: 'startDate', render: dateText }),
  { title: '结束日期', dataIndex: 'endDate', key: 'endDate', render: dateText },
];

function TermsTab() {
  return (
    <ResourcePage<Term>
      title="届"
      noun="届"
      endpoint="/api/terms"
      columns={termColumns}
      createAbility="term.create"
      defaultSort={{ sort: 'number', order: 'desc' }}
      form={{
        schema: termInputSchema,
        labels: { number: '届次', name: '名称', startDate: '开始日期', endDate: '结束日期' },
        toValues: (r) => ({
          number: r.number,
          name: r.name,
          startDate: toDay(r.startDate),
          endDate: toDay(r.endDate),
        }),
        toBody: (v) => ({
          number: v.number,
          name: v.name ?? '',
          startDate: day(v.startDate),
          endDate: day(v.endDate),
        }),
        fields: () => (
          <>
            <Form.Item
              name="number"
              label="届次（第几届）"
              rules={[zodRule(termInputSchema, 'number', '届次')]}
            >
              <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="name" label="名称" rules={[zodRule(termInputSchema, 'name', '名称')]}>
              <Input placeholder="如：第五届" />
            </Form.Item>
            <Form.Item
              name="startDate"
              label="开始日期"
              rules={[dateRule(termInputSchema, 'startDate', '开始日期')]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="endDate"
              label="结束日期"
              rules={[dateRule(termInputSchema, 'endDate', '结束日期')]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}

function SessionsTab() {
  const options = useOrganisationOptions();
  const termOptions = toSelectOptions(options.data?.terms);
  const columns: ColumnsType<PlenarySession> = [
    sortable<PlenarySession>({ title: '名称', dataIndex: 'name', key: 'name' }),
    {
      title: '所属届',
      dataIndex: 'termId',
      key: 'termId',
      render: (id, r) => nameOf(options.data?.terms, id, r.termName),
    },
    sortable<PlenarySession>({
      title: '开幕日期',
      dataIndex: 'meetingStart',
      key: 'meetingStart',
      render: dateText,
    }),
    { title: '闭幕日期', dataIndex: 'meetingEnd', key: 'meetingEnd', render: dateText },
    {
      title: '大会提案征集期',
      key: 'submission',
      render: (_, r) => `${dateText(r.submissionOpens)} 至 ${dateText(r.submissionCloses)}`,
    },
  ];
  const s = plenarySessionInputSchema;
  return (
    <ResourcePage<PlenarySession>
      title="次会议"
      noun="次会议"
      endpoint="/api/plenary-sessions"
      columns={columns}
      createAbility="plenarySession.create"
      defaultSort={{ sort: 'meetingStart', order: 'desc' }}
      filters={[
        {
          name: 'termId',
          label: '届',
          input: <Select allowClear placeholder="全部" options={termOptions} style={{ width: 140 }} />,
        },
      ]}
      form={{
        schema: s,
        labels: {
          termId: '所属届',
          number: '会议次数',
          name: '名称',
          meetingStart: '开幕日期',
          meetingEnd: '闭幕日期',
          submissionOpens: '提案征集开始日期',
          submissionCloses: '提案截止日期',
        },
        toValues: (r) => ({
          termId: r.termId,
          number: r.number,
          name: r.name,
          meetingStart: toDay(r.meetingStart),
          meetingEnd: toDay(r.meetingEnd),
          submissionOpens: toDay(r.submissionOpens),
          submissionCloses: toDay(r.submissionCloses),
        }),
        toBody: (v) => ({
          termId: v.termId,
          number: v.number,
          name: v.name ?? '',
          meetingStart: day(v.meetingStart),
          meetingEnd: day(v.meetingEnd),
          submissionOpens: day(v.submissionOpens),
          submissionCloses: day(v.submissionCloses),
        }),
        fields: () => (
          <>
            <Form.Item name="termId" label="所属届" rules={[zodRule(s, 'termId', '所属届')]}>
              <Select options={termOptions} placeholder="请选择" />
            </Form.Item>
            <Form.Item
              name="number"
              label="会议次数（第几次会议）"
              rules={[zodRule(s, 'number', '会议次数')]}
            >
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="name" label="名称" rules={[zodRule(s, 'name', '名称')]}>
              <Input placeholder="如：五届三次会议" />
            </Form.Item>
            <Form.Item name="meetingStart" label="开幕日期" rules={[dateRule(s, 'meetingStart', '开幕日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="meetingEnd" label="闭幕日期" rules={[dateRule(s, 'meetingEnd', '闭幕日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="submissionOpens"
              label="提案征集开始日期"
              extra="此日期起至截止日期提交的提案为大会提案"
              rules={[dateRule(s, 'submissionOpens', '提案征集开始日期')]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="submissionCloses"
              label="提案截止日期"
              rules={[dateRule(s, 'submissionCloses', '提案截止日期')]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ),
      }}
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
