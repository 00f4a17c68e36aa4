import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  readingNoteCommandRoutes,
  speechCommandRoutes,
  suggestionCommandRoutes,
  type CommandRequest,
  type CommandRoutes,
  type createReadingNoteBody,
  type createSpeechBody,
  type createSuggestionBody,
  type ReadingNoteDto,
  type readingNotePageSchema,
  type SpeechDto,
  type speechPageSchema,
  type SuggestionDto,
  type suggestionPageSchema,
  type updateSuggestionBody,
} from '@cppcc/shared';
import { api } from './client';
import { useWorkflowCommand } from './workflow-commands';

/** Data of what activities produce: suggestions (意见建议), speeches (会议发言) and reading notes (读书笔记). */

export type { ReadingNoteDto, SpeechDto, SuggestionDto } from '@cppcc/shared';
export type SuggestionPage = z.infer<typeof suggestionPageSchema>;
export type SpeechPage = z.infer<typeof speechPageSchema>;
export type ReadingNotePage = z.infer<typeof readingNotePageSchema>;

export type ListParams = Record<string, string | number | undefined>;

export const outcomePaths = {
  suggestions: '/api/activity-suggestions',
  speeches: '/api/activity-speeches',
  readingNotes: '/api/reading-notes',
} as const;
type OutcomePath = (typeof outcomePaths)[keyof typeof outcomePaths];

function useOutcomeList<P>(path: OutcomePath, params: ListParams, enabled = true) {
  return useQuery({
    queryKey: [path, 'list', params],
    queryFn: () => api<P>(path, { query: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useSuggestionList = (params: ListParams, enabled = true) =>
  useOutcomeList<SuggestionPage>(outcomePaths.suggestions, params, enabled);
export const useSpeechList = (params: ListParams, enabled = true) =>
  useOutcomeList<SpeechPage>(outcomePaths.speeches, params, enabled);
export const useReadingNoteList = (params: ListParams, enabled = true) =>
  useOutcomeList<ReadingNotePage>(outcomePaths.readingNotes, params, enabled);

/** After any change: the outcome lists, the activities (their figures count outcomes) and the notices. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [...Object.values(outcomePaths), '/api/activities', 'notifications'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
}

/** A POST creating a record of `path`; forms show field problems themselves. */
function useCreate<B, R>(path: OutcomePath) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: B) => api<R>(path, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => refresh(),
  });
}

export const useCreateSuggestion = () =>
  useCreate<z.input<typeof createSuggestionBody>, SuggestionDto>(outcomePaths.suggestions);
export const useCreateSpeech = () =>
  useCreate<z.input<typeof createSpeechBody>, SpeechDto>(outcomePaths.speeches);
export const useCreateReadingNote = () =>
  useCreate<z.input<typeof createReadingNoteBody>, ReadingNoteDto>(outcomePaths.readingNotes);

/** 修改建议: the PATCH of a suggestion's content, department and deadline. */
export function useUpdateSuggestion(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof updateSuggestionBody>) =>
      api<SuggestionDto>(`${outcomePaths.suggestions}/${id}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: () => refresh(),
  });
}

/** One workflow command of a record, refreshing the figures and the activity pages too. */
function useOutcomeCommand<T extends CommandRoutes, R>(routes: T, path: OutcomePath, id: number) {
  const refresh = useRefresh();
  const command = useWorkflowCommand<T, R>(routes, path, id);
  return {
    ...command,
    mutateAsync: async (request: CommandRequest<T>) => {
      const record = await command.mutateAsync(request);
      refresh();
      return record;
    },
  };
}

export const useSuggestionCommand = (id: number) =>
  useOutcomeCommand<typeof suggestionCommandRoutes, SuggestionDto>(
    suggestionCommandRoutes,
    outcomePaths.suggestions,
    id,
  );
export const useSpeechCommand = (id: number) =>
  useOutcomeCommand<typeof speechCommandRoutes, SpeechDto>(speechCommandRoutes, outcomePaths.speeches, id);
export const useReadingNoteCommand = (id: number) =>
  useOutcomeCommand<typeof readingNoteCommandRoutes, ReadingNoteDto>(
    readingNoteCommandRoutes,
    outcomePaths.readingNotes,
    id,
  );

/** The lists as workbooks, with the same filters as the list. */
export const outcomeDocuments = {
  suggestions: `${outcomePaths.suggestions}/export.xlsx`,
  speeches: `${outcomePaths.speeches}/export.xlsx`,
  readingNotes: `${outcomePaths.readingNotes}/export.xlsx`,
};
