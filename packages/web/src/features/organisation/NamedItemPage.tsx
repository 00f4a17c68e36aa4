import { Form, Input, InputNumber, Switch } from 'antd';
import { namedItemInputSchema } from '@cppcc/shared';
import type { ColumnsType } from 'antd/es/table';
import type { Identified } from '../../api/resources';
import { activeTag } from '../../components/columns';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';

export interface NamedItem extends Identified {
  name: string;
  sortOrder: number;
  active: boolean;
  memberCount: number;
}

const labels = { name: '名称', sortOrder: '排序号', active: '状态' };

/** Sectors and special committees share one shape: a configurable, ordered, switchable list. */
export function NamedItemPage({
  title,
  noun,
  endpoint,
  resource,
}: {
  title: string;
  noun: string;
  endpoint: string;
  /** The policy resource, for the create ability (`sector.create`). */
  resource: string;
}) {
  const columns: ColumnsType<NamedItem> = [
    sortable<NamedItem>({ title: '名称', dataIndex: 'name', key: 'name' }),
    sortable<NamedItem>({ title: '排序号', dataIndex: 'sortOrder', key: 'sortOrder', width: 100 }),
    sortable<NamedItem>({ title: '委员数', dataIndex: 'memberCount', key: 'memberCount', width: 100 }),
    sortable<NamedItem>({ title: '状态', dataIndex: 'active', key: 'active', width: 100, render: activeTag }),
  ];
  return (
    <ResourcePage<NamedItem>
      title={title}
      noun={noun}
      endpoint={endpoint}
      columns={columns}
      defaultSort={{ sort: 'sortOrder', order: 'asc' }}
      createAbility={`${resource}.create`}
      form={{
        schema: namedItemInputSchema,
        labels,
        initialValues: { sortOrder: 0, active: true },
        toValues: (r) => ({ name: r.name, sortOrder: r.sortOrder, active: r.active }),
        toBody: (v) => ({ name: v.name ?? '', sortOrder: v.sortOrder ?? 0, active: v.active ?? true }),
        confirm: (body, editing) =>
          editing?.active && body.active === false
            ? `停用后，新录入的委员不能再选择“${editing.name}”。确定停用吗？`
            : null,
        fields: () => (
          <>
            <Form.Item name="name" label="名称" rules={[zodRule(namedItemInputSchema, 'name', '名称')]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="sortOrder"
              label="排序号"
              rules={[zodRule(namedItemInputSchema, 'sortOrder', '排序号')]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
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
