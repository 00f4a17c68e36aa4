import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitteeSettings, SettingsDto } from '@cppcc/shared';
import { api } from './client';

const key = ['/api/settings'];

/** The committee's settings with the built-in defaults and the caller's abilities. */
export function useSettings() {
  return useQuery({ queryKey: key, queryFn: () => api<SettingsDto>('/api/settings') });
}

/** Saves the whole settings document; the answer replaces the cached one. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitteeSettings) => api<SettingsDto>('/api/settings', { method: 'PUT', body }),
    onSuccess: (dto) => {
      queryClient.setQueryData(key, dto);
      // Lists and limits of the proposal forms come from the settings.
      void queryClient.invalidateQueries({ queryKey: ['/api/proposals', 'form-options'] });
    },
  });
}
