import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommandRequest, CommandRoute, CommandRoutes } from '@cppcc/shared';
import { api } from './client';

/** Posts one workflow command of a record; for a caller that learns the record's id only on the way (a new draft). */
export const postWorkflowCommand = <T extends CommandRoutes, R>(
  routes: T,
  resourcePath: string,
  id: number,
  { command, body }: CommandRequest<T>,
) => api<R>(`${resourcePath}/${id}/${(routes[command] as CommandRoute).path}`, { method: 'POST', body });

/**
 * The workflow commands of one record, from its module's shared command table (packages/shared):
 * `mutate({ command, body })` posts to `<resourcePath>/<id>/<path>` with `body` typed by that command's
 * schema. The server answers with the record as the caller now sees it: it replaces the cached record
 * (`[resourcePath, 'record', id]`), and the resource's lists and the notifications are fetched again.
 * Forms show field problems and conflicts themselves, so failures raise no toast.
 */
export function useWorkflowCommand<T extends CommandRoutes, R>(routes: T, resourcePath: string, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CommandRequest<T>) => postWorkflowCommand<T, R>(routes, resourcePath, id, request),
    meta: { silent: true },
    onSuccess: (record) => {
      queryClient.setQueryData([resourcePath, 'record', id], record);
      void queryClient.invalidateQueries({ queryKey: [resourcePath] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
