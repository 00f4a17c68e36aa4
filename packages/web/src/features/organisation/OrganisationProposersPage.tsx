import { Select } from 'antd';
import {
  organisationProposerInputSchema,
  organisationProposerKindLabels,
  organisationProposerKinds,
} from '@cppcc/shared';
import { fieldColumn, sorted } from '../../components/columns';
import { ResourcePage } from '../../components/ResourcePage';
import { declaredForm } from '../../components/resourceFields';
import { MemberSelect } from './MemberSelect';
import type { OrganisationProposerDto } from '@cppcc/shared';

type Kind = (typeof organisationProposerKinds)[number];

type OrganisationProposer = OrganisationProposerDto;

const kindOptions = organisationProposerKinds.map((k) => ({
  value: k,
  label: organisationProposerKindLabels[k],
}));

const columns = [
  fieldColumn<OrganisationProposer>('name', '名称', sorted),
  fieldColumn<OrganisationProposer>('kind', '类型', {
    sorted: true,
    render: (k: Kind) => organisationProposerKindLabels[k] ?? k,
  }),
  fieldColumn<OrganisationProposer>('convenerName', '召集人', { render: (v) => v ?? '' }),
];

// The convener picker shows the current convener's name before the member list has loaded.
const form = declaredForm<OrganisationProposer>(
  organisationProposerInputSchema,
  (editing) => [
    { name: 'name', label: '名称' },
    { name: 'kind', label: '类型', value: 'choice', input: <Select options={kindOptions} /> },
    {
      name: 'convenerMemberId',
      label: '召集人',
      value: 'choice',
      empty: null,
      extra: '界别、小组以组织名义提案时由召集人签署',
      input: <MemberSelect initialLabel={editing?.convenerName ?? undefined} />,
    },
  ],
  { initialValues: { kind: 'party' } },
);

export default function OrganisationProposersPage() {
  return (
    <ResourcePage<OrganisationProposer>
      title="提案者组织"
      noun="提案者组织"
      endpoint="/api/organisation-proposers"
      columns={columns}
      createAbility={'organisationProposer.create'}
      form={form}
    />
  );
}
