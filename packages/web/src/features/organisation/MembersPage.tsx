import { useMemo } from 'react';
import { Checkbox, DatePicker, Descriptions, Input, Radio, Select, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import {
  genderLabels,
  genders,
  maxSpecialCommitteesPerMember,
  memberInputSchema,
  memberStatusLabels,
  memberStatuses,
} from '@cppcc/shared';
import { toSelectOptions, useOrganisationOptions, type OrganisationOptions } from '../../api/resources';
import { booleanFilterOptions, fieldColumn, nameOf } from '../../components/columns';
import { selectFilter } from '../../components/FilterBar';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm, type ResourceField } from '../../components/resourceFields';
import { MemberImportButtons } from './MemberImport';
import type { MemberDto } from '@cppcc/shared';

type Status = (typeof memberStatuses)[number];

export type Member = MemberDto;

const statusColors: Record<Status, string> = {
  active: 'green',
  suspended: 'orange',
  resigned: 'default',
  removed: 'red',
};
const statusOptions = memberStatuses.map((s) => ({ value: s, label: memberStatusLabels[s] }));
const genderOptions = genders.map((g) => ({ value: g, label: genderLabels[g] }));
const month = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM') : undefined);

function memberColumns(options: Partial<OrganisationOptions> | undefined): ColumnsType<Member> {
  return [
    fieldColumn<Member>('name', '姓名', { sorted: true, fixed: 'left' }),
    fieldColumn<Member>('gender', '性别', { render: (g: Member['gender']) => genderLabels[g] }),
    fieldColumn<Member>('party', '党派'),
    fieldColumn<Member>('sectorId', '界别', {
      key: 'sector',
      sorted: true,
      render: (id, r) => nameOf(options?.sectors, id, r.sectorName),
    }),
    fieldColumn<Member>('groupId', '活动小组', {
      key: 'group',
      sorted: true,
      render: (id, r) => nameOf(options?.memberGroups, id, r.groupName),
    }),
    fieldColumn<Member>('employer', '工作单位及职务', { ellipsis: true }),
    fieldColumn<Member>('phone', '手机号'),
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
    fieldColumn<Member>('status', '状态', {
      sorted: true,
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

type OptionsOf = (items: keyof OrganisationOptions) => { value: number; label: string }[];

/** The member form: two columns on wide screens, one on phones. */
function memberFields(select: OptionsOf): ResourceField<Member>[] {
  const half = { md: 12 };
  const searchable = { optionFilterProp: 'label' };
  return [
    { name: 'name', label: '姓名', col: half },
    {
      name: 'gender',
      label: '性别',
      value: 'choice',
      col: half,
      input: <Radio.Group options={genderOptions} />,
    },
    { name: 'ethnicity', label: '民族', col: half },
    {
      name: 'birthMonth',
      label: '出生年月',
      col: half,
      prepare: month,
      fromRecord: (m) => (m.birthMonth ? dayjs(`${m.birthMonth}-01`) : undefined),
      toBody: (v) => month(v) ?? '',
      input: <DatePicker picker="month" style={{ width: '100%' }} />,
    },
    {
      name: 'party',
      label: '党派',
      col: half,
      input: <Input placeholder="如：中共、民革、无党派人士、群众" />,
    },
    { name: 'phone', label: '手机号', col: half, input: <Input inputMode="numeric" maxLength={11} /> },
    {
      name: 'sectorId',
      label: '界别',
      value: 'choice',
      col: half,
      input: <Select showSearch={searchable} options={select('sectors')} placeholder="请选择" />,
    },
    {
      name: 'termId',
      label: '届',
      value: 'choice',
      col: half,
      input: <Select options={select('terms')} placeholder="请选择" />,
    },
    {
      name: 'specialCommitteeIds',
      label: '专委会',
      value: 'choice',
      empty: [],
      extra: `最多 ${maxSpecialCommitteesPerMember} 个`,
      fromRecord: (m) => (m.specialCommittees ?? []).map((sc) => sc.id),
      input: (
        <Select
          mode="multiple"
          showSearch={searchable}
          options={select('specialCommittees')}
          placeholder="可不选"
        />
      ),
    },
    {
      name: 'groupId',
      label: '活动小组',
      value: 'choice',
      empty: null,
      col: half,
      input: <Select allowClear options={select('memberGroups')} placeholder="可不选" />,
    },
    {
      name: 'contactPointId',
      label: '联系点',
      value: 'choice',
      empty: null,
      col: half,
      input: (
        <Select allowClear showSearch={searchable} options={select('contactPoints')} placeholder="可不选" />
      ),
    },
    { name: 'employer', label: '工作单位及职务', value: 'optionalText' },
    {
      name: 'isStandingMember',
      label: '常委',
      value: 'toggle',
      col: { xs: 12, md: 8 },
      input: <Switch checkedChildren="是" unCheckedChildren="否" />,
    },
    {
      name: 'isLeader',
      label: '主席会议成员',
      value: 'toggle',
      col: { xs: 12, md: 8 },
      input: <Checkbox>主席、副主席、秘书长</Checkbox>,
    },
    {
      name: 'status',
      label: '状态',
      value: 'choice',
      col: { md: 8 },
      input: <Select options={statusOptions} />,
    },
  ];
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
      searchPlaceholder="姓名、拼音、手机尾号、界别"
      toolbar={<MemberImportButtons />}
      filters={[
        selectFilter('sectorId', '界别', select('sectors'), 160, true),
        selectFilter('groupId', '活动小组', select('memberGroups'), 140),
        selectFilter('specialCommitteeId', '专委会', select('specialCommittees'), 180),
        selectFilter('contactPointId', '联系点', select('contactPoints'), 180),
        selectFilter('status', '状态', statusOptions, 120),
        selectFilter('isStandingMember', '常委', booleanFilterOptions, 100),
      ]}
      detail={(m) => <MemberDetail member={m} options={o} />}
      form={declaredForm<Member>(memberInputSchema, memberFields(select), {
        width: 720,
        initialValues: {
          gender: 'male',
          ethnicity: '汉族',
          status: 'active',
          isStandingMember: false,
          isLeader: false,
          specialCommitteeIds: [],
        },
        confirm: (body, editing) =>
          editing && editing.status === 'active' && (body.status === 'resigned' || body.status === 'removed')
            ? `将“${editing.name}”的状态改为“${memberStatusLabels[body.status as Status]}”后，该委员不再参加履职统计。确定保存吗？`
            : null,
      })}
    />
  );
}
