import { useState } from 'react';
import { Col, Form, Row, Select, Switch } from 'antd';
import { inviteeSelectionSchema, type InviteeSelection, type MemberPublicDto } from '@cppcc/shared';
import { toSelectOptions, useOrganisationOptions, useResourceList } from '../../api/resources';
import { zodRule } from '../../components/zodForm';

/**
 * Members searched in the roster by name, pinyin, initials, phone ending, sector or group. The proposals'
 * MemberMultiSelect asks the co-proposer candidates, which only members may; the liaison staff search
 * the member list instead.
 */
function MemberSearchSelect(props: { value?: number[]; onChange?: (ids: number[]) => void; id?: string }) {
  const [q, setQ] = useState('');
  // Labels of members picked on an earlier search stay, though the current search no longer lists them.
  const [picked, setPicked] = useState(new Map<number, string>());
  const list = useResourceList<MemberPublicDto>('/api/members', {
    q: q || undefined,
    status: 'active',
    page: 1,
    pageSize: 30,
  });
  const labels = new Map(picked);
  for (const m of list.data?.items ?? []) labels.set(m.id, `${m.name}（${m.sectorName}）`);
  return (
    <Select
      id={props.id}
      mode="multiple"
      allowClear
      value={props.value ?? []}
      onChange={(ids: number[]) => {
        setPicked(new Map(ids.map((id) => [id, labels.get(id) ?? String(id)])));
        props.onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入姓名、拼音、首字母或手机尾号"
      options={[...labels].map(([value, label]) => ({ value, label }))}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? '搜索中…' : '没有匹配的委员'}
    />
  );
}

const lists = [
  { name: 'groupIds', label: '活动小组', options: 'memberGroups' },
  { name: 'sectorIds', label: '界别', options: 'sectors' },
  { name: 'specialCommitteeIds', label: '专委会', options: 'specialCommittees' },
] as const;

const switches = [
  { name: 'all', label: '全体委员' },
  { name: 'standing', label: '全体常委' },
  { name: 'leaders', label: '主席会议成员' },
] as const;

/**
 * Whom to invite, under `prefix` of the form (`invite` on the activity form, `selection` in the 邀请委员
 * dialog): named members, groups, sectors, special committees, and the three whole bodies.
 */
export function InviteeFields({ prefix }: { prefix: string }) {
  const organisation = useOrganisationOptions();
  const schema = inviteeSelectionSchema;
  return (
    <>
      <Form.Item
        name={[prefix, 'memberIds']}
        label="委员"
        rules={[zodRule(schema, 'memberIds', '委员')]}
        extra="可按姓名、拼音、首字母、手机尾号或界别搜索，可选多人"
      >
        <MemberSearchSelect />
      </Form.Item>
      <Row gutter={16}>
        {lists.map((l) => (
          <Col key={l.name} xs={24} md={8}>
            <Form.Item name={[prefix, l.name]} label={l.label} rules={[zodRule(schema, l.name, l.label)]}>
              <Select
                mode="multiple"
                allowClear
                placeholder={`选择${l.label}`}
                showSearch={{ optionFilterProp: 'label' }}
                options={toSelectOptions(organisation.data?.[l.options])}
                loading={organisation.isPending}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        {switches.map((s) => (
          <Col key={s.name} xs={8}>
            <Form.Item name={[prefix, s.name]} label={s.label} valuePropName="checked">
              <Switch aria-label={`邀请${s.label}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

/** The selection of the fields' values, with every list present (the schema's defaults). */
export function selectionOf(values: unknown): InviteeSelection {
  return inviteeSelectionSchema.parse(values ?? {});
}

/** Whether a selection names anyone at all. */
export const selectsAnyone = (s: InviteeSelection) =>
  s.all ||
  s.standing ||
  s.leaders ||
  [s.memberIds, s.groupIds, s.sectorIds, s.specialCommitteeIds].some((ids) => ids.length > 0);
