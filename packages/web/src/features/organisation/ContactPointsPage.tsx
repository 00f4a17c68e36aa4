import { Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { contactPointInputSchema, contactPointKindLabels, contactPointKinds } from '@cppcc/shared';
import type { Identified } from '../../api/resources';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';

interface ContactPoint extends Identified {
  name: string;
  kind: (typeof contactPointKinds)[number];
  town: string;
  village: string | null;
  address: string | null;
  memberCount: number;
}

const kindOptions = contactPointKinds.map((k) => ({ value: k, label: contactPointKindLabels[k] }));

const columns: ColumnsType<ContactPoint> = [
  sortable<ContactPoint>({ title: '名称', dataIndex: 'name', key: 'name' }),
  sortable<ContactPoint>({
    title: '类型',
    dataIndex: 'kind',
    key: 'kind',
    render: (k: ContactPoint['kind']) => contactPointKindLabels[k] ?? k,
  }),
  sortable<ContactPoint>({ title: '镇（街道）', dataIndex: 'town', key: 'town' }),
  sortable<ContactPoint>({ title: '村（社区）', dataIndex: 'village', key: 'village' }),
  { title: '地址', dataIndex: 'address', key: 'address' },
  sortable<ContactPoint>({ title: '委员数', dataIndex: 'memberCount', key: 'memberCount' }),
];

const optional = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

export default function ContactPointsPage() {
  return (
    <ResourcePage<ContactPoint>
      title="基层联系点"
      noun="联系点"
      endpoint="/api/contact-points"
      columns={columns}
      createAbility={'contactPoint.create'}
      searchPlaceholder="名称、镇（街道）"
      form={{
        schema: contactPointInputSchema,
        labels: { name: '名称', kind: '类型', town: '镇（街道）', village: '村（社区）', address: '地址' },
        initialValues: { kind: 'liaisonPoint' },
        toValues: (r) => ({
          name: r.name,
          kind: r.kind,
          town: r.town,
          village: r.village ?? '',
          address: r.address ?? '',
        }),
        toBody: (v) => ({
          name: v.name ?? '',
          kind: v.kind,
          town: v.town ?? '',
          village: optional(v.village),
          address: optional(v.address),
        }),
        fields: () => (
          <>
            <Form.Item name="name" label="名称" rules={[zodRule(contactPointInputSchema, 'name', '名称')]}>
              <Input />
            </Form.Item>
            <Form.Item name="kind" label="类型" rules={[zodRule(contactPointInputSchema, 'kind', '类型')]}>
              <Select options={kindOptions} />
            </Form.Item>
            <Form.Item
              name="town"
              label="镇（街道）"
              rules={[zodRule(contactPointInputSchema, 'town', '镇（街道）')]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="village"
              label="村（社区）"
              rules={[zodRule(contactPointInputSchema, 'village', '村（社区）')]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="address"
              label="地址"
              rules={[zodRule(contactPointInputSchema, 'address', '地址')]}
            >
              <Input />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}
