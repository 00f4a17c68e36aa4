import { Select } from 'antd';
import { contactPointInputSchema, contactPointKindLabels, contactPointKinds } from '@cppcc/shared';
import { fieldColumn, sorted } from '../../components/columns';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm } from '../../components/resourceFields';
import type { ContactPointDto } from '@cppcc/shared';

type ContactPoint = ContactPointDto;

const kindOptions = contactPointKinds.map((k) => ({ value: k, label: contactPointKindLabels[k] }));
const kindText = (k: ContactPoint['kind']) => contactPointKindLabels[k] ?? k;

const columns = [
  fieldColumn<ContactPoint>('name', '名称', sorted),
  fieldColumn<ContactPoint>('kind', '类型', { sorted: true, render: kindText }),
  fieldColumn<ContactPoint>('town', '镇（街道）', sorted),
  fieldColumn<ContactPoint>('village', '村（社区）', sorted),
  fieldColumn<ContactPoint>('address', '地址'),
  fieldColumn<ContactPoint>('memberCount', '委员数', sorted),
];

const form = declaredForm<ContactPoint>(
  contactPointInputSchema,
  [
    { name: 'name', label: '名称' },
    { name: 'kind', label: '类型', value: 'choice', input: <Select options={kindOptions} /> },
    { name: 'town', label: '镇（街道）' },
    { name: 'village', label: '村（社区）', value: 'optionalText' },
    { name: 'address', label: '地址', value: 'optionalText' },
  ],
  { initialValues: { kind: 'liaisonPoint' } },
);

export default function ContactPointsPage() {
  return (
    <ResourcePage<ContactPoint>
      title="基层联系点"
      noun="联系点"
      endpoint="/api/contact-points"
      columns={columns}
      createAbility={'contactPoint.create'}
      searchPlaceholder="名称、镇（街道）"
      form={form}
    />
  );
}
