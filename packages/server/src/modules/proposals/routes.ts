import { z } from 'zod';
import {
  proposalCommandRoutes,
  proposalDetailSchema,
  proposalPageSchema,
  batchAssignBody,
  batchAssignResultSchema,
  batchReviewBody,
  batchReviewResultSchema,
  coProposerCandidatesSchema,
  proposalFilterQuery,
  proposalFormOptionsSchema,
  supervisorCandidatesSchema,
  createProposalBody,
  updateProposalBody,
  idParams,
  type CommandHandlers,
  type ProposalCommandRoutes,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import type { ServiceContext } from '../../lib/actor';
import { serviceContext } from '../../lib/request-context';
import type { ProposalRow } from './access';
import { acceptProposal } from './commands/accept-proposal';
import { acknowledgeAssignment, declineAssignment } from './commands/acknowledge-assignment';
import { addSupervisionLog } from './commands/add-supervision-log';
import { headDecideAnswer, reviewAnswer, saveAnswer, submitAnswer } from './commands/answers';
import { assignProposal, batchAssign } from './commands/assign-proposal';
import { batchReview } from './commands/batch-review';
import { claimReview } from './commands/claim-review';
import { closeProposal } from './commands/close-proposal';
import { createProposal } from './commands/create-proposal';
import { evaluateProposal } from './commands/evaluate-proposal';
import { extendDeadline } from './commands/extend-deadline';
import { reportFollowup, requestFollowup } from './commands/followups';
import { mergeProposal } from './commands/merge-proposal';
import { rateAnswer } from './commands/rate-answer';
import { rejectProposal } from './commands/reject-proposal';
import { requestCosign } from './commands/request-cosign';
import { respondCosign } from './commands/respond-cosign';
import { returnProposal } from './commands/return-proposal';
import { approveExcellent, approveKey, nominateExcellent, nominateKey } from './commands/select-proposal';
import { sendUnitOpinion } from './commands/send-unit-opinion';
import { submitProposal } from './commands/submit-proposal';
import { updateProposal } from './commands/update-proposal';
import { withdrawProposal } from './commands/withdraw-proposal';
import { presentProposal, readProposal } from './presenter';
import { listProposals } from './queries';
import { coProposerCandidates, proposalFormOptions, supervisorCandidates } from './options';
import { documentedAs } from '../../lib/api-docs';
import { registerCommandRoutes } from '../../lib/command-routes';

const candidatesQuery = z
  .object({ q: z.string().trim().max(30, '搜索内容不超过 30 个字（姓名、拼音、首字母或界别）').optional() })
  .strict();

/** Proposal API: lists, detail, similar titles and one POST per workflow command. */
const doc = documentedAs('proposals');

export async function proposalRoutes(app: AppInstance) {
  app.get(
    '/proposals',
    doc('提案列表', { querystring: proposalFilterQuery, response: { 200: proposalPageSchema } }),
    async (req) => listProposals(serviceContext(req), req.query),
  );

  app.get(
    '/proposals/form-options',
    doc('提案表单选项（类别、字数上限、承办单位、会议）', { response: { 200: proposalFormOptionsSchema } }),
    async (req) => proposalFormOptions(serviceContext(req)),
  );

  app.get(
    '/proposals/co-proposer-candidates',
    doc('可邀请联名的委员', { querystring: candidatesQuery, response: { 200: coProposerCandidatesSchema } }),
    async (req) => coProposerCandidates(serviceContext(req), req.query.q),
  );

  app.get(
    '/proposals/supervisor-candidates',
    doc('可领衔督办的领导', { response: { 200: supervisorCandidatesSchema } }),
    async (req) => supervisorCandidates(serviceContext(req)),
  );

  app.post(
    '/proposals',
    doc('起草提案', { body: createProposalBody, response: { 201: proposalDetailSchema } }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      const row = await createProposal(ctx, req.body);
      return reply.status(201).send(await presentProposal(ctx, row));
    },
  );

  app.post(
    '/proposals/batch-assign',
    doc('批量交办（交办会）', { body: batchAssignBody, response: { 200: batchAssignResultSchema } }),
    async (req) => {
      const rows = await batchAssign(serviceContext(req), req.body);
      return { assigned: rows.map((r) => ({ id: r.id, state: r.state, version: r.version })) };
    },
  );

  app.post(
    '/proposals/batch-review',
    doc('批量审查（立案审查会）：立案、不予立案或并案，全部成功或全部不变', {
      body: batchReviewBody,
      response: { 200: batchReviewResultSchema },
    }),
    async (req) => {
      const rows = await batchReview(serviceContext(req), req.body);
      return { reviewed: rows.map((r) => ({ id: r.id, state: r.state, version: r.version })) };
    },
  );

  app.get(
    '/proposals/:id',
    doc('提案详情', { params: idParams, response: { 200: proposalDetailSchema } }),
    async (req) => {
      const ctx = serviceContext(req);
      return readProposal(ctx, req.params.id);
    },
  );

  app.patch(
    '/proposals/:id',
    doc('修改提案', { params: idParams, body: updateProposalBody, response: { 200: proposalDetailSchema } }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentProposal(ctx, (await updateProposal(ctx, req.params.id, req.body)).proposal);
    },
  );

  /** One POST per command of the shared table; each answers with the proposal as the caller now sees it. */
  const handlers: CommandHandlers<ProposalCommandRoutes, ServiceContext, { proposal: ProposalRow }> = {
    requestCosign,
    respondCosign,
    submit: submitProposal,
    withdraw: withdrawProposal,
    claimReview,
    accept: acceptProposal,
    reject: rejectProposal,
    merge: mergeProposal,
    return: returnProposal,
    assign: assignProposal,
    acknowledge: (ctx, id) => acknowledgeAssignment(ctx, id),
    decline: declineAssignment,
    extendDeadline,
    sendUnitOpinion,
    saveAnswer,
    submitAnswer: (ctx, id) => submitAnswer(ctx, id),
    headApproveAnswer: (ctx, id, body) => headDecideAnswer(ctx, id, true, body),
    headReturnAnswer: (ctx, id, body) => headDecideAnswer(ctx, id, false, body),
    reviewAnswer,
    rate: rateAnswer,
    close: closeProposal,
    nominateKey,
    approveKey,
    nominateExcellent,
    approveExcellent,
    addSupervisionLog,
    evaluate: evaluateProposal,
    requestFollowup,
    reportFollowup,
  };
  registerCommandRoutes(app, {
    resource: '/proposals',
    tag: 'proposals',
    routes: proposalCommandRoutes,
    handlers,
    response: proposalDetailSchema,
    present: (ctx, { proposal }) => presentProposal(ctx, proposal),
  });
}
