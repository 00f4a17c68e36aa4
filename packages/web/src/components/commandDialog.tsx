import type { ComponentType } from 'react';
import { Select, Typography, type FormInstance } from 'antd';
import type { z } from 'zod';
import type { CommandInput, CommandKey, CommandRoutes } from '@cppcc/shared';
import { showSuccess } from '../app/notifier';
import { CommandModal } from './CommandModal';
import type { ActionDialogProps } from './WorkflowActions';
import { bodyOf, HiddenField, SchemaItem, SchemaText, type BodySchema } from './schemaFields';

/** The field names of a command's body schema. */
export type BodyField<R extends CommandRoutes, K extends CommandKey<R>> =
  R[K]['body'] extends z.ZodObject<infer S> ? keyof S & string : string;

/** What a command dialog is, besides its fields; `C` is the module's action context. */
export interface CommandDialogSpec<R extends CommandRoutes, C, K extends CommandKey<R>> {
  command: K;
  title: string | ((context: C) => string);
  /** The confirming button; 确定 by default. */
  okText?: string;
  /** The message once the command went through. */
  success: string;
  danger?: boolean;
  width?: number;
  initialValues?: (context: C) => Record<string, unknown>;
  /** The body, where it is not simply the form's fields (see `bodyOf`). */
  toBody?: (values: Record<string, unknown>, context: C) => CommandInput<R, K>;
  /** Fields holding a date picker's value. */
  dates?: readonly string[];
  /** The viewer's record the command is about (an answer to rate …), asked first. */
  choose?: RecordChoice<R, C, K>;
  /** A warning above the fields (what cannot be undone). */
  warning?: string;
  /** A question asked before sending this body (不满意 sends the answer back), or none. */
  confirm?: (body: CommandInput<R, K>) => string | undefined;
  /** The free text the form ends with (a reason, a note). */
  text?: { name: BodyField<R, K>; label: string; rows?: number; placeholder?: string };
}

/** A choice among the viewer's records; the first is preselected. */
export interface RecordChoice<R extends CommandRoutes, C, K extends CommandKey<R>> {
  name: BodyField<R, K>;
  label: string;
  missing: string;
  options: (context: C) => { value: number; label: string }[];
  /** Asked only when there is more than one to choose from. */
  onlyWhenMany?: boolean;
}

/** What the fields of a command dialog receive; `schema` is the command's body schema, which checks them. */
export interface CommandFieldsProps<R extends CommandRoutes, C, K extends CommandKey<R>> {
  context: C;
  form: FormInstance;
  schema: R[K]['body'];
}

/** How a module's dialogs reach its record: the version the user saw, and the command hook. */
export interface CommandDialogBinding<R extends CommandRoutes, C> {
  version: (context: C) => number;
  send: <K extends CommandKey<R>>(context: C, command: K, body: CommandInput<R, K>) => Promise<unknown>;
}

/**
 * The dialog factory of one workflow module's command table: `commandDialog(spec, Fields)` is the modal
 * form of one command, its fields' values becoming the command's typed body. A command whose form is
 * only its closing `text` needs no fields of its own.
 */
export function commandDialogsFor<R extends CommandRoutes, C>(
  routes: R,
  binding: CommandDialogBinding<R, C>,
) {
  return function commandDialog<K extends CommandKey<R>>(
    spec: CommandDialogSpec<R, C, K>,
    Fields?: ComponentType<CommandFieldsProps<R, C, K>>,
  ): ComponentType<ActionDialogProps<C>> {
    const schema = routes[spec.command]!.body as R[K]['body'];
    const body = schema as unknown as BodySchema;
    const choice = spec.choose;
    return function CommandDialog({ context, open, onClose, afterClose }: ActionDialogProps<C>) {
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
              : bodyOf(body, values, binding.version(context), spec.dates)
          }
          confirm={spec.confirm && ((b) => spec.confirm!(b as CommandInput<R, K>))}
          run={async (values) => {
            await binding.send(context, spec.command, values as CommandInput<R, K>);
            showSuccess(spec.success);
          }}
        >
          {(form) => (
            <>
              {choice &&
                (choice.onlyWhenMany && choices.length <= 1 ? (
                  <HiddenField name={choice.name} />
                ) : (
                  <SchemaItem schema={body} name={choice.name} label={choice.label} missing={choice.missing}>
                    <Select options={choices} />
                  </SchemaItem>
                ))}
              {spec.warning && <Typography.Paragraph type="warning">{spec.warning}</Typography.Paragraph>}
              {Fields && <Fields context={context} form={form} schema={schema} />}
              {spec.text && <SchemaText schema={body} {...spec.text} />}
            </>
          )}
        </CommandModal>
      );
    };
  };
}
