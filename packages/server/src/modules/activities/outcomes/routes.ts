import { z } from 'zod';
import {
  createReadingNoteBody,
  createSpeechBody,
  createSuggestionBody,
  idParams,
  listReadingNotesQuery,
  listSpeechesQuery,
  listSuggestionsQuery,
  readingNoteCommandRoutes,
  readingNotePageSchema,
  readingNoteSchema,
  speechCommandRoutes,
  speechPageSchema,
  speechSchema,
  suggestionCommandRoutes,
  suggestionPageSchema,
  suggestionSchema,
  updateSuggestionBody,
  type CommandHandlers,
  type ReadingNoteCommandRoutes,
  type SpeechCommandRoutes,
  type SuggestionCommandRoutes,
} from '@cppcc/shared';
import type { AppInstance } from '../../../app';
import type { ServiceContext } from '../../../lib/actor';
import { documentedAs } from '../../../lib/api-docs';
import { registerCommandRoutes } from '../../../lib/command-routes';
import { serviceContext } from '../../../lib/request-context';
import type { ComposedFile } from '../../../lib/word';
import { sendXlsx } from '../../../lib/xlsx';
import { composeReadingNoteExport, composeSpeechExport, composeSuggestionExport } from './exports';
import {
  createReadingNote,
  listReadingNotes,
  presentReadingNote,
  readReadingNote,
  returnReadingNote,
  withdrawReadingNote,
  type ReadingNoteRow,
} from './reading-notes';
import {
  acceptSpeech,
  createSpeech,
  declineSpeech,
  listSpeeches,
  presentSpeech,
  readSpeech,
  selectSpeech,
  unselectSpeech,
  withdrawSpeech,
  type SpeechRow,
} from './speeches';
import {
  adoptSuggestion,
  createSuggestion,
  declineSuggestion,
  implementSuggestion,
  listSuggestions,
  presentSuggestion,
  readSuggestion,
  reopenSuggestion,
  sendSuggestion,
  updateSuggestion,
  type SuggestionRow,
} from './suggestions';

const doc = documentedAs('activities');
const fileResponse = { 200: z.any() };

/** Suggestions, speeches and reading notes: lists with export, create, detail and the command POSTs. */
export async function activityOutcomeRoutes(app: AppInstance) {
  const exportRoute = <Q extends z.ZodType>(
    path: string,
    summary: string,
    querystring: Q,
    compose: (ctx: ServiceContext, query: z.output<Q>) => Promise<ComposedFile>,
  ) =>
    app.get(path, doc(summary, { querystring, response: fileResponse }), async (req, reply) => {
      const { fileName, content } = await compose(serviceContext(req), req.query as z.output<Q>);
      return sendXlsx(reply, fileName, content);
    });

  app.get(
    '/activity-suggestions',
    doc('意见建议列表（部门只看报送本单位的）', {
      querystring: listSuggestionsQuery,
      response: { 200: suggestionPageSchema },
    }),
    async (req) => listSuggestions(serviceContext(req), req.query),
  );
  exportRoute(
    '/activity-suggestions/export.xlsx',
    '导出意见建议',
    listSuggestionsQuery,
    composeSuggestionExport,
  );
  app.post(
    '/activity-suggestions',
    doc('登记活动提出的意见建议', { body: createSuggestionBody, response: { 201: suggestionSchema } }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      return reply.status(201).send(await presentSuggestion(ctx, await createSuggestion(ctx, req.body)));
    },
  );
  app.get(
    '/activity-suggestions/:id',
    doc('意见建议详情', { params: idParams, response: { 200: suggestionSchema } }),
    async (req) => readSuggestion(serviceContext(req), req.params.id),
  );
  app.patch(
    '/activity-suggestions/:id',
    doc('修改意见建议（采纳前）', {
      params: idParams,
      body: updateSuggestionBody,
      response: { 200: suggestionSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentSuggestion(ctx, await updateSuggestion(ctx, req.params.id, req.body));
    },
  );
  const suggestionHandlers: CommandHandlers<SuggestionCommandRoutes, ServiceContext, SuggestionRow> = {
    send: sendSuggestion,
    adopt: adoptSuggestion,
    decline: declineSuggestion,
    implement: implementSuggestion,
    reopen: reopenSuggestion,
  };
  registerCommandRoutes(app, {
    resource: '/activity-suggestions',
    tag: 'activities',
    routes: suggestionCommandRoutes,
    handlers: suggestionHandlers,
    response: suggestionSchema,
    present: presentSuggestion,
  });

  app.get(
    '/activity-speeches',
    doc('会议发言列表（委员只看本人的）', {
      querystring: listSpeechesQuery,
      response: { 200: speechPageSchema },
    }),
    async (req) => listSpeeches(serviceContext(req), req.query),
  );
  exportRoute('/activity-speeches/export.xlsx', '导出会议发言', listSpeechesQuery, composeSpeechExport);
  app.post(
    '/activity-speeches',
    doc('提交书面发言，或由工作人员登记委员发言', {
      body: createSpeechBody,
      response: { 201: speechSchema },
    }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      return reply.status(201).send(await presentSpeech(ctx, await createSpeech(ctx, req.body)));
    },
  );
  app.get(
    '/activity-speeches/:id',
    doc('发言详情', { params: idParams, response: { 200: speechSchema } }),
    async (req) => readSpeech(serviceContext(req), req.params.id),
  );
  const speechHandlers: CommandHandlers<SpeechCommandRoutes, ServiceContext, SpeechRow> = {
    accept: acceptSpeech,
    decline: declineSpeech,
    select: selectSpeech,
    unselect: unselectSpeech,
    withdraw: withdrawSpeech,
  };
  registerCommandRoutes(app, {
    resource: '/activity-speeches',
    tag: 'activities',
    routes: speechCommandRoutes,
    handlers: speechHandlers,
    response: speechSchema,
    present: presentSpeech,
  });

  app.get(
    '/reading-notes',
    doc('读书笔记列表（委员只看本人的）', {
      querystring: listReadingNotesQuery,
      response: { 200: readingNotePageSchema },
    }),
    async (req) => listReadingNotes(serviceContext(req), req.query),
  );
  exportRoute('/reading-notes/export.xlsx', '导出读书笔记', listReadingNotesQuery, composeReadingNoteExport);
  app.post(
    '/reading-notes',
    doc('提交读书笔记（计入履职）', { body: createReadingNoteBody, response: { 201: readingNoteSchema } }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      return reply.status(201).send(await presentReadingNote(ctx, await createReadingNote(ctx, req.body)));
    },
  );
  app.get(
    '/reading-notes/:id',
    doc('读书笔记详情', { params: idParams, response: { 200: readingNoteSchema } }),
    async (req) => readReadingNote(serviceContext(req), req.params.id),
  );
  const noteHandlers: CommandHandlers<ReadingNoteCommandRoutes, ServiceContext, ReadingNoteRow> = {
    returnNote: returnReadingNote,
    withdraw: withdrawReadingNote,
  };
  registerCommandRoutes(app, {
    resource: '/reading-notes',
    tag: 'activities',
    routes: readingNoteCommandRoutes,
    handlers: noteHandlers,
    response: readingNoteSchema,
    present: presentReadingNote,
  });
}
