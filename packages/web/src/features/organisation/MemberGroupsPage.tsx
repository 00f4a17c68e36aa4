import { Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memberGroupInputSchema } from '@cppcc/shared';
import type { Identified } from '../../api/resources';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';

interface MemberGroup extends Identified {
  name: string;
  description: string | null;
  memberCount?: number;
}

const columns: ColumnsType<MemberGroup> = [
  sortable<MemberGroup>({ title: '名称', dataIndex: 'name', key: 'name' }),
  { title: '说明', dataIndex: 'description', key: 'description' },
  sortable<MemberGroup>({ title: '委员数', dataIndex: 'memberCount', key: 'memberCount', width: 100 }),
];

export default function MemberGroupsPage() {
  return (
    <ResourcePage<MemberGroup>
      title="委员活动小组"
      noun="活动小组"
      endpoint="/api/member-groups"
      columns={columns}
      createAbility={'memberGroup.create'}
      form={{
        schema: memberGroupInputSchema,
        labels: { name: '名称', description: '说明' },
        toValues: (r) => ({ name: r.name, description: r.description ?? '' }),
        toBody: (v) => ({ name: v.name ?? '', description: v.description ? v.description : null }),
        fields: () => (
          <>
            <Form.Item name="name" label="名称" rules={[zodRule(memberGroupInputSchema, 'name', '名称')]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="description"
              label="说明"
              rules={[zodRule(memberGroupInputSchema, 'description', '说明')]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}
