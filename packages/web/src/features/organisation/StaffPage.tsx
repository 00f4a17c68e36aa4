import { Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { staffInputSchema } from '@cppcc/shared';
import type { Identified } from '../../api/resources';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';

interface Staff extends Identified {
  name: string;
  department: string | null;
  position: string | null;
  phone: string | null;
}

const columns: ColumnsType<Staff> = [
  sortable<Staff>({ title: '姓名', dataIndex: 'name', key: 'name' }),
  sortable<Staff>({ title: '部门', dataIndex: 'department', key: 'department' }),
  { title: '职务', dataIndex: 'position', key: 'position' },
  { title: '手机号', dataIndex: 'phone', key: 'phone' },
];

const optional = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export default function StaffPage() {
  return (
    <ResourcePage<Staff>
      title="机关工作人员"
      noun="工作人员"
      endpoint="/api/staff"
      columns={columns}
      createAbility={'staff.create'}
      searchPlaceholder="姓名、部门"
      form={{
        schema: staffInputSchema,
        labels: { name: '姓名', department: '部门', position: '职务', phone: '手机号' },
        toValues: (r) => ({
          name: r.name,
          department: r.department ?? '',
          position: r.position ?? '',
          phone: r.phone ?? '',
        }),
        toBody: (v) => ({
          name: v.name ?? '',
          department: optional(v.department),
          position: optional(v.position),
          phone: optional(v.phone),
        }),
        fields: () => (
          <>
            <Form.Item name="name" label="姓名" rules={[zodRule(staffInputSchema, 'name', '姓名')]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="department"
              label="部门"
              rules={[zodRule(staffInputSchema, 'department', '部门')]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="position" label="职务" rules={[zodRule(staffInputSchema, 'position', '职务')]}>
              <Input />
            </Form.Item>
            <Form.Item name="phone" label="手机号" rules={[zodRule(staffInputSchema, 'phone', '手机号')]}>
              <Input inputMode="numeric" maxLength={11} />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}
