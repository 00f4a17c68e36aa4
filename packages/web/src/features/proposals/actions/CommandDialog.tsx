import type { ComponentType } from 'react';
import type { FormInstance } from 'antd';
import {
  proposalCommandRoutes,
  type ProposalCommandInput,
  type ProposalCommandKey,
  type ProposalCommandRoutes,
} from '@cppcc/shared';
import { showSuccess } from '../../../app/notifier';
import { CommandModal } from '../../../components/CommandModal';
import type { ActionDialogProps } from '../../../components/WorkflowActions';
import type { ProposalActionContext } from './context';
import { bodyOf, type BodySchema } from './fields';

export type ProposalDialogProps = ActionDialogProps<ProposalActionContext>;

/** What a command dialog is, besides its fields. */
export interface CommandDialogSpec<K extends ProposalCommandKey> {
  command: K;
  title: string | ((context: ProposalActionContext) => string);
  /** The confirming button; 确定 by default. */
  okText?: string;
  /** The message once the command went through. */
  success: string;
  danger?: boolean;
  width?: number;
  initialValues?: (context: ProposalActionContext) => Record<string, unknown>;
  /** The body, where it is not simply the form's fields (see `bodyOf`). */
  toBody?: (values: Record<string, unknown>, context: ProposalActionContext) => ProposalCommandInput<K>;
  /** Fields holding a date picker's value. */
  dates?: readonly string[];
}

/** What the fields of a command dialog receive; `schema` is the command's body schema, which checks them. */
export interface CommandFieldsProps<K extends ProposalCommandKey> {
  context: ProposalActionContext;
  form: FormInstance;
  schema: ProposalCommandRoutes[K]['body'];
}

/** The modal form of one proposal command: its fields' values become the command's typed body. */
export function commandDialog<K extends ProposalCommandKey>(
  spec: CommandDialogSpec<K>,
  Fields: ComponentType<CommandFieldsProps<K>>,
): ComponentType<ProposalDialogProps> {
  const schema = proposalCommandRoutes[spec.command].body;
  return function CommandDialog({ context, open, onClose, afterClose }: ProposalDialogProps) {
    return (
      <CommandModal
        title={typeof spec.title === 'function' ? spec.title(context) : spec.title}
        okText={spec.okText}
        open={open}
        onClose={onClose}
        afterClose={afterClose}
        danger={spec.danger}
        width={spec.width}
        initialValues={spec.initialValues?.(context)}
        toBody={(values) =>
          spec.toBody
            ? spec.toBody(values, context)
            : bodyOf(schema as BodySchema, values, context.proposal.version, spec.dates)
        }
        run={async (body) => {
          await context.send(spec.command, body as ProposalCommandInput<K>);
          showSuccess(spec.success);
        }}
      >
        {(form) => <Fields context={context} form={form} schema={schema} />}
      </CommandModal>
    );
  };
}
