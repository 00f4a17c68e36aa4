import { z } from 'zod';
import {
  consultationPlanCommandRoutes,
  consultationPlanDetailSchema,
  consultationPlanPageSchema,
  createConsultationPlanBody,
  idParams,
  listConsultationPlansQuery,
  planItemOptionsQuery,
  planItemOptionsSchema,
  updateConsultationPlanBody,
  type CommandHandlers,
  type ConsultationPlanCommandRoutes,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import type { ServiceContext } from '../../lib/actor';
import { documentedAs } from '../../lib/api-docs';
import { registerCommandRoutes } from '../../lib/command-routes';
import { serviceContext } from '../../lib/request-context';
import { sendDocx } from '../../lib/word';
import { approvePlan, submitPlan, withdrawPlan } from './commands/steps';
import { createPlan, updatePlan } from './commands/write-plan';
import { composePlanDocument } from './documents';
import { presentPlan, readPlan } from './presenter';
import { listPlans, planItemOptions } from './queries';
import type { PlanRow } from './workflow';

const doc = documentedAs('consultation-plans');

/** Annual consultation plan API: list, detail, create, the item list, the workflow's POSTs, the Word file. */
export async function consultationPlanRoutes(app: AppInstance) {
  app.get(
    '/consultation-plans',
    doc('年度协商计划列表', {
      querystring: listConsultationPlansQuery,
      response: { 200: consultationPlanPageSchema },
    }),
    async (req) => listPlans(serviceContext(req), req.query),
  );
  app.get(
    '/consultation-plans/item-options',
    doc('某年度协商计划的事项（供活动关联）', {
      querystring: planItemOptionsQuery,
      response: { 200: planItemOptionsSchema },
    }),
    async (req) => planItemOptions(serviceContext(req), req.query.year),
  );
  app.post(
    '/consultation-plans',
    doc('新建年度协商计划（草拟中）', {
      body: createConsultationPlanBody,
      response: { 201: consultationPlanDetailSchema },
    }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      return reply.status(201).send(await presentPlan(ctx, await createPlan(ctx, req.body)));
    },
  );
  app.get(
    '/consultation-plans/:id',
    doc('年度协商计划详情（事项、关联活动、进展）', {
      params: idParams,
      response: { 200: consultationPlanDetailSchema },
    }),
    async (req) => readPlan(serviceContext(req), req.params.id),
  );
  app.patch(
    '/consultation-plans/:id',
    doc('修改年度协商计划（整份事项清单，草拟中）', {
      params: idParams,
      body: updateConsultationPlanBody,
      response: { 200: consultationPlanDetailSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentPlan(ctx, await updatePlan(ctx, req.params.id, req.body));
    },
  );
  const handlers: CommandHandlers<ConsultationPlanCommandRoutes, ServiceContext, PlanRow> = {
    submit: submitPlan,
    approve: approvePlan,
    withdraw: withdrawPlan,
  };
  registerCommandRoutes(app, {
    resource: '/consultation-plans',
    tag: 'consultation-plans',
    routes: consultationPlanCommandRoutes,
    handlers,
    response: consultationPlanDetailSchema,
    present: presentPlan,
  });
  app.get(
    '/consultation-plans/:id/document.docx',
    doc('年度协商计划（Word）', { params: idParams, response: { 200: z.any() } }),
    async (req, reply) => sendDocx(reply, await composePlanDocument(serviceContext(req), req.params.id)),
  );
}
