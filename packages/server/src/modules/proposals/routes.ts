import { z } from 'zod';
import {
  proposalDetailSchema,
  proposalPageSchema,
  similarProposalsSchema,
  acceptBody,
  answerActionBody,
  approveSelectionBody,
  assignBody,
  batchAssignBody,
  closeBody,
  createProposalBody,
  declineBody,
  evaluateBody,
  extendBody,
  mergeBody,
  nominateExcellentBody,
  nominateKeyBody,
  rateBody,
  rejectBody,
  reportFollowupBody,
  requestCosignBody,
  requestFollowupBody,
  respondCosignBody,
  returnBody,
  reviewAnswerBody,
  saveAnswerBody,
  supervisionLogBody,
  unitOpinionBody,
  updateProposalBody,
  versionBody,
  withdrawBody,
  idParams,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import type { ServiceContext } from '../../lib/actor';
import { authorize } from '../../lib/policy';
import type { ProposalRow } from './access';
import { acceptProposal } from './commands/accept-proposal';
import { acknowledgeAssignment, declineAssignment } from './commands/acknowledge-assignment';
import { addSupervisionLog } from './commands/add-supervision-log';
import { headDecideAnswer, reviewAnswer, saveAnswer, submitAnswer } from './commands/answers';
import { assignProposal, batchAssign } from './commands/assign-proposal';
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
import { loadProposal, presentProposal } from './presenter';
import { listProposals, similarProposals } from './queries';
import './home';
import { coProposerCandidates, proposalFormOptions, supervisorCandidates } from './options';
import { proposalFilterQuery } from './figures/filters';

const emptyBody = z.object({}).strict();
const candidatesQuery = z.object({ q: z.string().trim().max(20, '姓名不超过 20 个字').optional() }).strict();

/** Proposal API: lists, detail, similar titles and one POST per workflow command. */
export async function proposalRoutes(app: AppInstance) {
  const { database, config } = app.deps;
  const ctxOf = (req: { actor: ServiceContext['actor'] | null }): ServiceContext => ({
    db: database.db,
    actor: req.actor!,
    config,
  });
  const tags = ['proposals'];

  app.get(
    '/proposals',
    {
      schema: {
        tags,
        summary: '提案列表',
        querystring: proposalFilterQuery,
        response: { 200: proposalPageSchema },
      },
    },
    async (req) => listProposals(ctxOf(req), req.query),
  );

  app.get(
    '/proposals/form-options',
    { schema: { tags, summary: '提案表单选项（类别、字数上限、承办单位、会议）' } },
    async (req) => proposalFormOptions(ctxOf(req)),
  );

  app.get(
    '/proposals/co-proposer-candidates',
    { schema: { tags, summary: '可邀请联名的委员', querystring: candidatesQuery } },
    async (req) => coProposerCandidates(ctxOf(req), req.query.q),
  );

  app.get(
    '/proposals/supervisor-candidates',
    {
      schema: {
        tags,
        summary: '可领衔督办的领导',
        response: {
          200: z.object({
            items: z.array(z.object({ userId: z.number(), name: z.string(), title: z.string() })),
          }),
        },
      },
    },
    async (req) => supervisorCandidates(ctxOf(req)),
  );

  app.post(
    '/proposals',
    {
      schema: {
        tags,
        summary: '起草提案',
        body: createProposalBody,
        response: { 201: proposalDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const row = await createProposal(ctx, req.body);
      return reply.status(201).send(await presentProposal(ctx, row));
    },
  );

  app.post(
    '/proposals/batch-assign',
    { schema: { tags, summary: '批量交办（交办会）', body: batchAssignBody } },
    async (req) => {
      const rows = await batchAssign(ctxOf(req), req.body);
      return { assigned: rows.map((r) => ({ id: r.id, state: r.state, version: r.version })) };
    },
  );

  app.get(
    '/proposals/:id',
    { schema: { tags, summary: '提案详情', params: idParams, response: { 200: proposalDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      const { row } = await loadProposal(ctx, req.params.id);
      return presentProposal(ctx, row);
    },
  );

  app.patch(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary: '修改提案',
        params: idParams,
        body: updateProposalBody,
        response: { 200: proposalDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return presentProposal(ctx, (await updateProposal(ctx, req.params.id, req.body)).proposal);
    },
  );

  app.get(
    '/proposals/:id/similar',
    {
      schema: {
        tags,
        summary: '相似与重复提案',
        params: idParams,
        response: { 200: similarProposalsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { row, access } = await loadProposal(ctx, req.params.id);
      authorize(ctx.actor, 'review', 'proposal', access);
      return { items: await similarProposals(ctx.db, ctx.actor.committeeId, row) };
    },
  );

  /** One POST per command; each answers with the proposal as the caller now sees it. */
  function command<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: ServiceContext, id: number, body: z.infer<B>) => Promise<{ proposal: ProposalRow }>,
  ) {
    app.post(
      `/proposals/:id/${path}`,
      { schema: { tags, summary, params: idParams, body, response: { 200: proposalDetailSchema } } },
      async (req) => {
        const ctx = ctxOf(req);
        const { proposal } = await run(ctx, req.params.id, req.body as z.infer<B>);
        return presentProposal(ctx, proposal);
      },
    );
  }

  command('request-cosign', '发起联名', requestCosignBody, requestCosign);
  command('respond-cosign', '答复联名邀请', respondCosignBody, respondCosign);
  command('submit', '提交提案', versionBody, submitProposal);
  command('withdraw', '撤案', withdrawBody, withdrawProposal);
  command('claim-review', '开始审查', versionBody, claimReview);
  command('accept', '立案', acceptBody, acceptProposal);
  command('reject', '不予立案', rejectBody, rejectProposal);
  command('merge', '并案', mergeBody, mergeProposal);
  command('return', '退回修改', returnBody, returnProposal);
  command('assign', '交办', assignBody, assignProposal);
  command('acknowledge', '签收', emptyBody, (ctx, id) => acknowledgeAssignment(ctx, id));
  command('decline', '退办', declineBody, declineAssignment);
  command('extend-deadline', '延期', extendBody, extendDeadline);
  command('unit-opinion', '报送协办意见', unitOpinionBody, sendUnitOpinion);
  command('answer', '保存答复', saveAnswerBody, saveAnswer);
  command('answer/submit', '答复提交负责人审核', emptyBody, (ctx, id) => submitAnswer(ctx, id));
  command('answer/head-approve', '负责人审核通过答复', answerActionBody, (ctx, id, b) =>
    headDecideAnswer(ctx, id, true, b),
  );
  command('answer/head-return', '负责人退回答复', answerActionBody, (ctx, id, b) =>
    headDecideAnswer(ctx, id, false, b),
  );
  command('answer/review', '提案委审核答复', reviewAnswerBody, reviewAnswer);
  command('rate', '满意度评价', rateBody, rateAnswer);
  command('close', '办结', closeBody, closeProposal);
  command('key', '提名重点提案', nominateKeyBody, nominateKey);
  command('key/approve', '审定重点提案', approveSelectionBody, approveKey);
  command('excellent', '提名优秀提案', nominateExcellentBody, nominateExcellent);
  command('excellent/approve', '审定优秀提案', approveSelectionBody, approveExcellent);
  command('supervision-logs', '记录督办情况', supervisionLogBody, addSupervisionLog);
  command('evaluations', '双向评议', evaluateBody, evaluateProposal);
  command('followups', '发起回头看', requestFollowupBody, requestFollowup);
  command('followups/report', '报送回头看落实情况', reportFollowupBody, reportFollowup);
}
