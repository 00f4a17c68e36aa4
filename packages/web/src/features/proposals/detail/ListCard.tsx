import type { ReactNode } from 'react';
import { ListCard } from '../../../components/ListCard';
import type { ProposalDetail } from '../../../api/proposals';

export { ListCard };

/** A section of the proposal detail listing one kind of its records, left out when there is none. */
export function optionalListSection<T>(
  title: string,
  items: (proposal: ProposalDetail) => T[],
  render: (item: T, proposal: ProposalDetail) => ReactNode,
) {
  return function OptionalListSection({ proposal }: { proposal: ProposalDetail }) {
    return (
      <ListCard title={title} optional items={items(proposal)} render={(item) => render(item, proposal)} />
    );
  };
}
