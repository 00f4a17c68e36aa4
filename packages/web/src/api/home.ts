import { useQuery } from '@tanstack/react-query';
import type { HomeCardDto } from '@cppcc/shared';
import { api } from './client';

export type HomeCard = HomeCardDto;

export function useHome() {
  return useQuery({
    queryKey: ['home'],
    queryFn: async () => (await api<{ cards: HomeCard[] }>('/api/home')).cards,
    // The page shows the error in place of the cards.
    meta: { silent: true },
  });
}
