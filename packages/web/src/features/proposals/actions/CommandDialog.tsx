import type { ComponentType } from 'react';
import { Select, Typography, type FormInstance } from 'antd';
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
import { bodyOf, HiddenField, SchemaItem, SchemaText, type BodySchema } from './fields';

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
  /** The viewer's record the command is about (an answer to rate …), asked first. */
  choose?: RecordChoice<K>;
  /** A warning above the fields (what cannot be undone). */
  warning?: string;
  /** The free text the form ends with (a reason, a note). */
  text?: {
    name: keyof ProposalCommandRoutes[K]['body']['shape'] & string;
    label: string;
    rows?: number;
    placeholder?: string;
  };
}

/** A choice among the viewer's records; the first is preselected. */
export interface RecordChoice<K extends ProposalCommandKey> {
  name: keyof ProposalCommandRoutes[K]['body']['shape'] & string;
  label: string;
  missing: string;
  options: (context: ProposalActionContext) => { value: number; label: string }[];
  /** Asked only when there is more than one to choose from. */
  onlyWhenMany?: boolean;
}

/** What the fields of a command dialog receive; `schema` is the command's body schema, which checks them. */
export interface CommandFieldsProps<K extends ProposalCommandKey> {
  context: ProposalActionContext;
  form: FormInstance;
  schema: ProposalCommandRoutes[K]['body'];
}

/**
 * The modal form of one proposal command: its fields' values become the command's typed body. A command
 * whose form is only its closing `text` needs no fields of its own.
 */
export function commandDialog<K extends ProposalCommandKey>(
  spec: CommandDialogSpec<K>,
  Fields?: ComponentType<CommandFieldsProps<K>>,
): ComponentType<ProposalDialogProps> {
  const schema = proposalCommandRoutes[spec.command].body;
  const choice = spec.choose;
  return function CommandDialog({ context, open, onClose, afterClose }: ProposalDialogProps) {
    const choices = choice?.options(context) ?? [];
    return (
      <CommandModal
        title={typeof spec.title === 'function' ? spec.title(context) : spec.title}
        okText={spec.okText}
        open={open}
        onClose={onClose}
        afterClose={afterClose}
        danger={spec.danger}
        width={spec.width}
        initialValues={{
          ...(choice && { [choice.name]: choices[0]?.value }),
          ...spec.initialValues?.(context),
        }}
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
        {(form) => (
          <>
            {choice &&
              (choice.onlyWhenMany && choices.length <= 1 ? (
                <HiddenField name={choice.name} />
              ) : (
                <SchemaItem
                  schema={schema as BodySchema}
                  name={choice.name}
                  label={choice.label}
                  missing={choice.missing}
                >
                  <Select options={choices} />
                </SchemaItem>
              ))}
            {spec.warning && <Typography.Paragraph type="warning">{spec.warning}</Typography.Paragraph>}
            {Fields && <Fields context={context} form={form} schema={schema} />}
            {spec.text && <SchemaText schema={schema as BodySchema} {...spec.text} />}
          </>
        )}
      </CommandModal>
    );
  };
}
