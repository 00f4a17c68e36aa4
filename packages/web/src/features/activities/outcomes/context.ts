import {
  readingNoteCommandRoutes,
  speechCommandRoutes,
  suggestionCommandRoutes,
  type CommandInput,
  type CommandRequest,
  type CommandRoutes,
  type ReadingNoteCommandRoutes,
  type SpeechCommandRoutes,
  type SuggestionCommandRoutes,
} from '@cppcc/shared';
import type { ReadingNoteDto, SpeechDto, SuggestionDto } from '../../../api/activity-outcomes';
import { commandDialogsFor } from '../../../components/commandDialog';

/** Runs one command of a record; the body is typed by the command's shared schema. */
export type Send<R extends CommandRoutes, D> = <K extends keyof R & string>(
  command: K,
  body: CommandInput<R, K>,
) => Promise<D>;

/** `send` over a command mutation of `api/activity-outcomes`. */
export const senderOf =
  <R extends CommandRoutes, D>(mutateAsync: (request: CommandRequest<R>) => Promise<D>): Send<R, D> =>
  (command, body) =>
    mutateAsync({ command, body } as CommandRequest<R>);

/** What every action of a suggestion reads. */
export interface SuggestionContext {
  suggestion: SuggestionDto;
  send: Send<SuggestionCommandRoutes, SuggestionDto>;
}

export interface SpeechContext {
  speech: SpeechDto;
  send: Send<SpeechCommandRoutes, SpeechDto>;
}

export interface ReadingNoteContext {
  note: ReadingNoteDto;
  send: Send<ReadingNoteCommandRoutes, ReadingNoteDto>;
}

/** The modal form of one command of a suggestion, a speech, a reading note (see `commandDialogsFor`). */
export const suggestionDialog = commandDialogsFor<SuggestionCommandRoutes, SuggestionContext>(
  suggestionCommandRoutes,
  { version: (c) => c.suggestion.version, send: (c, command, body) => c.send(command, body) },
);
export const speechDialog = commandDialogsFor<SpeechCommandRoutes, SpeechContext>(speechCommandRoutes, {
  version: (c) => c.speech.version,
  send: (c, command, body) => c.send(command, body),
});
export const readingNoteDialog = commandDialogsFor<ReadingNoteCommandRoutes, ReadingNoteContext>(
  readingNoteCommandRoutes,
  { version: (c) => c.note.version, send: (c, command, body) => c.send(command, body) },
);
