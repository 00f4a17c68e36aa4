import { InputNumber } from 'antd';
import { namedItemInputSchema } from '@cppcc/shared';
import { activeTag, fieldColumn, sorted } from '../../components/columns';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm } from '../../components/resourceFields';
import type { NamedItemDto } from '@cppcc/shared';

export type NamedItem = NamedItemDto;

const columns = [
  fieldColumn<NamedItem>('name', '名称', sorted),
  fieldColumn<NamedItem>('sortOrder', '排序号', { sorted: true, width: 100 }),
  fieldColumn<NamedItem>('memberCount', '委员数', { sorted: true, width: 100 }),
  fieldColumn<NamedItem>('active', '状态', { sorted: true, width: 100, render: activeTag }),
];

const form = declaredForm<NamedItem>(
  namedItemInputSchema,
  [
    { name: 'name', label: '名称' },
    {
      name: 'sortOrder',
      label: '排序号',
      value: 'choice',
      empty: 0,
      input: <InputNumber min={0} precision={0} style={{ width: '100%' }} />,
    },
    { name: 'active', label: '启用', value: 'toggle' },
  ],
  {
    initialValues: { sortOrder: 0, active: true },
    confirm: (body, editing) =>
      editing?.active && body.active === false
        ? `停用后，新录入的委员不能再选择“${editing.name}”。确定停用吗？`
        : null,
  },
);

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
  return (
    <ResourcePage<NamedItem>
      title={title}
      noun={noun}
      endpoint={endpoint}
      columns={columns}
      defaultSort={{ sort: 'sortOrder', order: 'asc' }}
      createAbility={`${resource}.create`}
      form={form}
    />
  );
}
