import { useMemo } from 'react';
import { Checkbox, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Select, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import {
  genderLabels,
  genders,
  maxSpecialCommitteesPerMember,
  memberInputSchema,
  memberStatusLabels,
  memberStatuses,
  type MemberInput,
} from '@cppcc/shared';
import {
  toSelectOptions,
  useOrganisationOptions,
  type Identified,
  type OrganisationOptions,
} from '../../api/resources';
import { booleanFilterOptions, nameOf } from '../../components/columns';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';
import { MemberImportButtons } from './MemberImport';

type Status = (typeof memberStatuses)[number];

export interface Member extends Identified {
  name: string;
  gender: (typeof genders)[number];
  ethnicity: string;
  birthMonth: string;
  party: string;
  sectorId: number;
  sectorName?: string;
  specialCommittees?: { id: number; name: string }[];
  groupId: number | null;
  groupName?: string | null;
  contactPointId: number | null;
  contactPointName?: string | null;
  employer: string | null;
  phone: string;
  isStandingMember: boolean;
  isLeader: boolean;
  termId: number;
  termName?: string;
  status: Status;
}

const statusColors: Record<Status, string> = {
  active: 'green',
  suspended: 'orange',
  resigned: 'default',
  removed: 'red',
};
const statusOptions = memberStatuses.map((s) => ({ value: s, label: memberStatusLabels[s] }));
const labels: Record<keyof MemberInput, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthMonth: '出生年月',
  party: '党派',
  sectorId: '界别',
  specialCommitteeIds: '专委会',
  groupId: '活动小组',
  contactPointId: '联系点',
  employer: '工作单位及职务',
  phone: '手机号',
  isStandingMember: '常委',
  isLeader: '主席会议成员',
  termId: '届',
  status: '状态',
};

const month = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM') : undefined);
const rule = (field: keyof MemberInput) => zodRule(memberInputSchema, field, labels[field]);

function memberColumns(options: Partial<OrganisationOptions> | undefined): ColumnsType<Member> {
  return [
    sortable<Member>({ title: '姓名', dataIndex: 'name', key: 'name', fixed: 'left' }),
    { title: '性别', dataIndex: 'gender', key: 'gender', render: (g: Member['gender']) => genderLabels[g] },
    { title: '党派', dataIndex: 'party', key: 'party' },
    sortable<Member>({
      title: '界别',
      dataIndex: 'sectorId',
      key: 'sector',
      render: (id, r) => nameOf(options?.sectors, id, r.sectorName),
    }),
    sortable<Member>({
      title: '活动小组',
      dataIndex: 'groupId',
      key: 'group',
      render: (id, r) => nameOf(options?.memberGroups, id, r.groupName),
    }),
    { title: '工作单位及职务', dataIndex: 'employer', key: 'employer', ellipsis: true },
    { title: '手机号', dataIndex: 'phone', key: 'phone' },
    {
      title: '身份',
      key: 'roles',
      render: (_, r) => (
        <>
          {r.isLeader && <Tag color="red">主席会议成员</Tag>}
          {r.isStandingMember && <Tag color="volcano">常委</Tag>}
        </>
      ),
    },
    sortable<Member>({
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (s: Status) => <Tag color={statusColors[s]}>{memberStatusLabels[s] ?? s}</Tag>,
    }),
  ];
}

function MemberDetail({
  member,
  options,
}: {
  member: Member;
  options: Partial<OrganisationOptions> | undefined;
}) {
  const scNames = (member.specialCommittees ?? []).map((sc) => sc.name).join('、');
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label="姓名">{member.name}</Descriptions.Item>
      <Descriptions.Item label="性别">{genderLabels[member.gender]}</Descriptions.Item>
      <Descriptions.Item label="民族">{member.ethnicity}</Descriptions.Item>
      <Descriptions.Item label="出生年月">{member.birthMonth}</Descriptions.Item>
      <Descriptions.Item label="党派">{member.party}</Descriptions.Item>
      <Descriptions.Item label="界别">
        {nameOf(options?.sectors, member.sectorId, member.sectorName)}
      </Descriptions.Item>
      <Descriptions.Item label="专委会">{scNames}</Descriptions.Item>
      <Descriptions.Item label="活动小组">
        {nameOf(options?.memberGroups, member.groupId, member.groupName)}
      </Descriptions.Item>
      <Descriptions.Item label="联系点">
        {nameOf(options?.contactPoints, member.contactPointId, member.contactPointName)}
      </Descriptions.Item>
      <Descriptions.Item label="工作单位及职务">{member.employer}</Descriptions.Item>
      <Descriptions.Item label="手机号">{member.phone}</Descriptions.Item>
      <Descriptions.Item label="届">
        {nameOf(options?.terms, member.termId, member.termName)}
      </Descriptions.Item>
      <Descriptions.Item label="身份">
        {[member.isLeader && '主席会议成员', member.isStandingMember && '常委'].filter(Boolean).join('、') ||
          '委员'}
      </Descriptions.Item>
      <Descriptions.Item label="状态">{memberStatusLabels[member.status]}</Descriptions.Item>
    </Descriptions>
  );
}

export default function MembersPage() {
  const options = useOrganisationOptions();
  const o = options.data;
  const columns = useMemo(() => memberColumns(o), [o]);
  const select = (items: keyof OrganisationOptions) => toSelectOptions(o?.[items]);

  return (
    <ResourcePage<Member>
      title="委员"
      noun="委员"
      endpoint="/api/members"
      columns={columns}
      createAbility={'member.create'}
      searchPlaceholder="姓名、手机号、工作单位"
      toolbar={<MemberImportButtons />}
      filters={[
        {
          name: 'sectorId',
          label: '界别',
          input: (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部"
              options={select('sectors')}
              style={{ width: 160 }}
            />
          ),
        },
        {
          name: 'groupId',
          label: '活动小组',
          input: (
            <Select allowClear placeholder="全部" options={select('memberGroups')} style={{ width: 140 }} />
          ),
        },
        {
          name: 'specialCommitteeId',
          label: '专委会',
          input: (
            <Select
              allowClear
              placeholder="全部"
              options={select('specialCommittees')}
              style={{ width: 180 }}
            />
          ),
        },
        {
          name: 'contactPointId',
          label: '联系点',
          input: (
            <Select allowClear placeholder="全部" options={select('contactPoints')} style={{ width: 180 }} />
          ),
        },
        {
          name: 'status',
          label: '状态',
          input: <Select allowClear placeholder="全部" options={statusOptions} style={{ width: 120 }} />,
        },
        {
          name: 'isStandingMember',
          label: '常委',
          input: (
            <Select allowClear placeholder="全部" options={booleanFilterOptions} style={{ width: 100 }} />
          ),
        },
      ]}
      detail={(m) => <MemberDetail member={m} options={o} />}
      form={{
        schema: memberInputSchema,
        labels,
        width: 720,
        initialValues: {
          gender: 'male',
          ethnicity: '汉族',
          status: 'active',
          isStandingMember: false,
          isLeader: false,
          specialCommitteeIds: [],
        },
        toValues: (m) => ({
          ...m,
          birthMonth: m.birthMonth ? dayjs(`${m.birthMonth}-01`) : undefined,
          specialCommitteeIds: (m.specialCommittees ?? []).map((sc) => sc.id),
        }),
        toBody: (v) => ({
          name: v.name ?? '',
          gender: v.gender,
          ethnicity: v.ethnicity ?? '',
          birthMonth: month(v.birthMonth) ?? '',
          party: v.party ?? '',
          sectorId: v.sectorId,
          specialCommitteeIds: v.specialCommitteeIds ?? [],
          groupId: v.groupId ?? null,
          contactPointId: v.contactPointId ?? null,
          employer: typeof v.employer === 'string' && v.employer.trim() ? v.employer : null,
          phone: v.phone ?? '',
          isStandingMember: !!v.isStandingMember,
          isLeader: !!v.isLeader,
          termId: v.termId,
          status: v.status ?? 'active',
        }),
        confirm: (body, editing) =>
          editing && editing.status === 'active' && (body.status === 'resigned' || body.status === 'removed')
            ? `将“${editing.name}”的状态改为“${memberStatusLabels[body.status as Status]}”后，该委员不再参加履职统计。确定保存吗？`
            : null,
        fields: () => (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="姓名" rules={[rule('name')]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="gender" label="性别" rules={[rule('gender')]}>
                <Radio.Group options={genders.map((g) => ({ value: g, label: genderLabels[g] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="ethnicity" label="民族" rules={[rule('ethnicity')]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="birthMonth"
                label="出生年月"
                rules={[zodRule(memberInputSchema, 'birthMonth', '出生年月', month)]}
              >
                <DatePicker picker="month" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="party" label="党派" rules={[rule('party')]}>
                <Input placeholder="如：中共、民革、无党派人士、群众" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label="手机号" rules={[rule('phone')]}>
                <Input inputMode="numeric" maxLength={11} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sectorId" label="界别" rules={[rule('sectorId')]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={select('sectors')}
                  placeholder="请选择"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="termId" label="届" rules={[rule('termId')]}>
                <Select options={select('terms')} placeholder="请选择" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="specialCommitteeIds"
                label="专委会"
                extra={`最多 ${maxSpecialCommitteesPerMember} 个`}
                rules={[rule('specialCommitteeIds')]}
              >
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={select('specialCommittees')}
                  placeholder="可不选"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="groupId" label="活动小组" rules={[rule('groupId')]}>
                <Select allowClear options={select('memberGroups')} placeholder="可不选" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPointId" label="联系点" rules={[rule('contactPointId')]}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={select('contactPoints')}
                  placeholder="可不选"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="employer" label="工作单位及职务" rules={[rule('employer')]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="isStandingMember" label="常委" valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="isLeader" label="主席会议成员" valuePropName="checked">
                <Checkbox>主席、副主席、秘书长</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="status" label="状态" rules={[rule('status')]}>
                <Select options={statusOptions} />
              </Form.Item>
            </Col>
          </Row>
        ),
      }}
    />
  );
}
