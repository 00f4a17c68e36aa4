import { Input } from 'antd';
import { consultationPlanCommandRoutes, type ConsultationPlanCommandRoutes } from '@cppcc/shared';
import { commandDialogsFor } from '../../../components/commandDialog';
import { SchemaDate, SchemaItem } from '../../../components/schemaFields';
import type { PlanActionContext } from './context';

/** The modal form of one plan command (see `commandDialogsFor`). */
const planDialog = commandDialogsFor<ConsultationPlanCommandRoutes, PlanActionContext>(
  consultationPlanCommandRoutes,
  { version: (c) => c.plan.version, send: (c, command, body) => c.send(command, body) },
);

export const ApproveDialog = planDialog(
  {
    command: 'approve',
    title: '登记党委批准',
    okText: '登记批准',
    success: '已登记批准',
    dates: ['approvedOn'],
    warning: '登记批准后计划不能再修改或退回，请核对批准日期和文号。',
  },
  function ApproveFields({ schema }) {
    return (
      <>
        <SchemaDate schema={schema} name="approvedOn" label="批准日期" missing="请选择批准日期" />
        <SchemaItem schema={schema} name="documentNumber" label="批准文号">
          <Input placeholder="如：金办发〔2026〕6号" />
        </SchemaItem>
      </>
    );
  },
);

export const WithdrawDialog = planDialog({
  command: 'withdraw',
  title: '退回修改',
  okText: '退回修改',
  danger: true,
  success: '计划已退回草拟中，可以修改',
  text: { name: 'reason', label: '退回理由', rows: 3, placeholder: '如：按区委办意见补充议题' },
});
