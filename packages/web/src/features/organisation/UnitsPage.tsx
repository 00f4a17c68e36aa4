import { Descriptions, Form, Input, Skeleton, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { roleLabels, unitInputSchema, type Role } from '@cppcc/shared';
import { useResourceRecord, type Identified } from '../../api/resources';
import { activeTag } from '../../components/columns';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';

interface UnitAccount {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
}

interface Unit extends Identified {
  name: string;
  shortName: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  active: boolean;
  accounts?: UnitAccount[];
}

const columns: ColumnsType<Unit> = [
  sortable<Unit>({ title: '单位名称', dataIndex: 'name', key: 'name' }),
  sortable<Unit>({ title: '简称', dataIndex: 'shortName', key: 'shortName' }),
  { title: '联系人', dataIndex: 'contactPerson', key: 'contactPerson' },
  { title: '联系电话', dataIndex: 'contactPhone', key: 'contactPhone' },
  sortable<Unit>({ title: '状态', dataIndex: 'active', key: 'active', render: activeTag }),
];

const optional = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function UnitDetail({ id }: { id: number }) {
  const { data } = useResourceRecord<Unit>('/api/units', id);
  if (!data) return <Skeleton active />;
  return (
    <>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="单位名称">{data.name}</Descriptions.Item>
        <Descriptions.Item label="简称">{data.shortName}</Descriptions.Item>
        <Descriptions.Item label="联系人">{data.contactPerson}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{data.contactPhone}</Descriptions.Item>
        <Descriptions.Item label="状态">{activeTag(data.active)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        单位账号
      </Typography.Title>
      <Table<UnitAccount>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.accounts ?? []}
        locale={{ emptyText: '该单位尚无账号' }}
        columns={[
          { title: '用户名', dataIndex: 'username', key: 'username' },
          { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
          {
            title: '角色',
            dataIndex: 'roles',
            key: 'roles',
            render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{roleLabels[r] ?? r}</Tag>),
          },
        ]}
      />
    </>
  );
}

export default function UnitsPage() {
  return (
    <ResourcePage<Unit>
      title="承办单位"
      noun="承办单位"
      endpoint="/api/units"
      columns={columns}
      createAbility={'unit.create'}
      searchPlaceholder="单位名称、简称"
      detail={(r) => <UnitDetail id={r.id} />}
      form={{
        schema: unitInputSchema,
        labels: { name: '单位名称', shortName: '简称', contactPerson: '联系人', contactPhone: '联系电话' },
        initialValues: { active: true },
        toValues: (r) => ({
          name: r.name,
          shortName: r.shortName ?? '',
          contactPerson: r.contactPerson ?? '',
          contactPhone: r.contactPhone ?? '',
          active: r.active,
        }),
        toBody: (v) => ({
          name: v.name ?? '',
          shortName: optional(v.shortName),
          contactPerson: optional(v.contactPerson),
          contactPhone: optional(v.contactPhone),
          active: v.active ?? true,
        }),
        confirm: (body, editing) =>
          editing?.active && body.active === false
            ? `停用后不能再向“${editing.name}”交办提案。确定停用吗？`
            : null,
        fields: () => (
          <>
            <Form.Item name="name" label="单位名称" rules={[zodRule(unitInputSchema, 'name', '单位名称')]}>
              <Input />
            </Form.Item>
            <Form.Item name="shortName" label="简称" rules={[zodRule(unitInputSchema, 'shortName', '简称')]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="contactPerson"
              label="联系人"
              rules={[zodRule(unitInputSchema, 'contactPerson', '联系人')]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label="联系电话"
              rules={[zodRule(unitInputSchema, 'contactPhone', '联系电话')]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="active" label="启用" valuePropName="checked">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}
