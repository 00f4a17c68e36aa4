import { NamedItemPage } from './NamedItemPage';

export default function SpecialCommitteesPage() {
  return (
    <NamedItemPage
      title="专门委员会"
      noun="专委会"
      endpoint="/api/special-committees"
      resource="specialCommittee"
    />
  );
}
