import { Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import { roleLabels, unitInputSchema, type Role } from '@cppcc/shared';
import { useResourceRecord } from '../../api/resources';
import { activeTag, fieldColumn, sorted } from '../../components/columns';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm } from '../../components/resourceFields';
import type { UnitDetailDto, UnitDto } from '@cppcc/shared';

type UnitAccount = UnitDetailDto['accounts'][number];

/** A list row; the opened record also carries the unit's accounts. */
type Unit = UnitDto & Partial<Pick<UnitDetailDto, 'accounts'>>;

const columns = [
  fieldColumn<Unit>('name', '单位名称', sorted),
  fieldColumn<Unit>('shortName', '简称', sorted),
  fieldColumn<Unit>('contactPerson', '联系人'),
  fieldColumn<Unit>('contactPhone', '联系电话'),
  fieldColumn<Unit>('active', '状态', { sorted: true, render: activeTag }),
];

const form = declaredForm<Unit>(
  unitInputSchema,
  [
    { name: 'name', label: '单位名称' },
    { name: 'shortName', label: '简称', value: 'optionalText' },
    { name: 'contactPerson', label: '联系人', value: 'optionalText' },
    { name: 'contactPhone', label: '联系电话', value: 'optionalText' },
    { name: 'active', label: '启用', value: 'toggle' },
  ],
  {
    initialValues: { active: true },
    confirm: (body, editing) =>
      editing?.active && body.active === false
        ? `停用后不能再向“${editing.name}”交办提案。确定停用吗？`
        : null,
  },
);

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
      form={form}
    />
  );
}
