import { Input } from 'antd';
import { memberGroupInputSchema } from '@cppcc/shared';
import { fieldColumn, sorted } from '../../components/columns';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm } from '../../components/resourceFields';
import type { MemberGroupDto } from '@cppcc/shared';

type MemberGroup = MemberGroupDto;

const columns = [
  fieldColumn<MemberGroup>('name', '名称', sorted),
  fieldColumn<MemberGroup>('description', '说明'),
  fieldColumn<MemberGroup>('memberCount', '委员数', { sorted: true, width: 100 }),
];

const form = declaredForm<MemberGroup>(memberGroupInputSchema, [
  { name: 'name', label: '名称' },
  { name: 'description', label: '说明', value: 'optionalText', input: <Input.TextArea rows={3} /> },
]);

export default function MemberGroupsPage() {
  return (
    <ResourcePage<MemberGroup>
      title="委员活动小组"
      noun="活动小组"
      endpoint="/api/member-groups"
      columns={columns}
      createAbility={'memberGroup.create'}
      form={form}
    />
  );
}
