import { Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  organisationProposerInputSchema,
  organisationProposerKindLabels,
  organisationProposerKinds,
} from '@cppcc/shared';
import type { Identified } from '../../api/resources';
import { ResourcePage, sortable } from '../../components/ResourcePage';
import { zodRule } from '../../components/zodForm';
import { MemberSelect } from './MemberSelect';

type Kind = (typeof organisationProposerKinds)[number];

interface OrganisationProposer extends Identified {
  name: string;
  kind: Kind;
  convenerMemberId: number | null;
  convenerName?: string | null;
}

const kindOptions = organisationProposerKinds.map((k) => ({
  value: k,
  label: organisationProposerKindLabels[k],
}));

const columns: ColumnsType<OrganisationProposer> = [
  sortable<OrganisationProposer>({ title: '名称', dataIndex: 'name', key: 'name' }),
  sortable<OrganisationProposer>({
    title: '类型',
    dataIndex: 'kind',
    key: 'kind',
    render: (k: Kind) => organisationProposerKindLabels[k] ?? k,
  }),
  { title: '召集人', dataIndex: 'convenerName', key: 'convenerName', render: (v) => v ?? '' },
];

export default function OrganisationProposersPage() {
  return (
    <ResourcePage<OrganisationProposer>
      title="提案者组织"
      noun="提案者组织"
      endpoint="/api/organisation-proposers"
      columns={columns}
      createAbility={'organisationProposer.create'}
      form={{
        schema: organisationProposerInputSchema,
        labels: { name: '名称', kind: '类型', convenerMemberId: '召集人' },
        initialValues: { kind: 'party' },
        toValues: (r) => ({ name: r.name, kind: r.kind, convenerMemberId: r.convenerMemberId ?? undefined }),
        toBody: (v) => ({ name: v.name ?? '', kind: v.kind, convenerMemberId: v.convenerMemberId ?? null }),
        fields: ({ editing }) => (
          <>
            <Form.Item
              name="name"
              label="名称"
              rules={[zodRule(organisationProposerInputSchema, 'name', '名称')]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="kind"
              label="类型"
              rules={[zodRule(organisationProposerInputSchema, 'kind', '类型')]}
            >
              <Select options={kindOptions} />
            </Form.Item>
            <Form.Item name="convenerMemberId" label="召集人" extra="界别、小组以组织名义提案时由召集人签署">
              <MemberSelect initialLabel={editing?.convenerName ?? undefined} />
            </Form.Item>
          </>
        ),
      }}
    />
  );
}
