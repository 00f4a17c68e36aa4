import { Input } from 'antd';
import { staffInputSchema } from '@cppcc/shared';
import { fieldColumn, sorted } from '../../components/columns';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm } from '../../components/resourceFields';
import type { StaffDto } from '@cppcc/shared';

type Staff = StaffDto;

const columns = [
  fieldColumn<Staff>('name', '姓名', sorted),
  fieldColumn<Staff>('department', '部门', sorted),
  fieldColumn<Staff>('position', '职务'),
  fieldColumn<Staff>('phone', '手机号'),
];

const form = declaredForm<Staff>(staffInputSchema, [
  { name: 'name', label: '姓名' },
  { name: 'department', label: '部门', value: 'optionalText' },
  { name: 'position', label: '职务', value: 'optionalText' },
  {
    name: 'phone',
    label: '手机号',
    value: 'optionalText',
    input: <Input inputMode="numeric" maxLength={11} />,
  },
]);

export default function StaffPage() {
  return (
    <ResourcePage<Staff>
      title="机关工作人员"
      noun="工作人员"
      endpoint="/api/staff"
      columns={columns}
      createAbility={'staff.create'}
      searchPlaceholder="姓名、部门"
      form={form}
    />
  );
}
