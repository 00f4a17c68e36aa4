import { useState, type ComponentType, type ReactNode } from 'react';
import { App, Button, Flex } from 'antd';
import { showError, showSuccess } from '../app/notifier';
import { usePolicy, type Policies } from '../hooks/usePolicy';
import { errorText } from './CommandModal';

/** What a dialog of an action receives: the page's context and its open state. */
export interface ActionDialogProps<C> {
  context: C;
  open: boolean;
  onClose: () => void;
  /** Called once the closing animation is over; the dialog is then unmounted. */
  afterClose: () => void;
}

/** A command without a form: a question, then the command; a failure (409 …) is shown as a message. */
export interface ActionConfirm<C> {
  title: string;
  content: string | ((context: C) => string);
  run: (context: C) => Promise<unknown>;
  success: string;
  /** The confirming button is red. */
  danger?: boolean;
}

interface ActionBase<C> {
  key: string;
  label: string | ((context: C) => string);
  /** The record's ability (`policies`) the button needs: `accept` reads `policies.canAccept`. */
  ability: string;
  /** Narrows further what the ability allows (the viewer's own step, something left to do). */
  visible?: (context: C) => boolean;
  primary?: boolean | ((context: C) => boolean);
  /** A red button, for steps that end or refuse something. */
  danger?: boolean;
}

/** One button of a record's workflow: a dialog with a form, a confirmation, or a plain step (navigation). */
export type WorkflowAction<C> = ActionBase<C> &
  (
    | { dialog: ComponentType<ActionDialogProps<C>> }
    | { confirm: ActionConfirm<C> }
    | { perform: (context: C) => void }
  );

const valueOf = <C, V>(value: V | ((context: C) => V), context: C): V =>
  typeof value === 'function' ? (value as (context: C) => V)(context) : value;

/**
 * The buttons of a record's action table that its `policies` (and each action's `visible`) allow now, in
 * table order, followed by `extra`; a button opens its dialog or its confirmation.
 */
export function WorkflowActions<C>(props: {
  actions: readonly WorkflowAction<C>[];
  context: C;
  policies: Policies | undefined;
  extra?: ReactNode;
}) {
  const { actions, context } = props;
  const can = usePolicy({ policies: props.policies });
  const { modal } = App.useApp();
  // The dialog stays mounted while it closes, even if its action is no longer allowed by then.
  const [dialog, setDialog] = useState<{ key: string; open: boolean } | null>(null);

  function confirm(spec: ActionConfirm<C>) {
    modal.confirm({
      title: spec.title,
      content: valueOf(spec.content, context),
      okText: '确定',
      cancelText: '取消',
      okButtonProps: { danger: spec.danger },
      onOk: async () => {
        try {
          await spec.run(context);
          showSuccess(spec.success);
        } catch (error) {
          showError(errorText(error));
        }
      },
    });
  }

  function start(action: WorkflowAction<C>) {
    if ('dialog' in action) setDialog({ key: action.key, open: true });
    else if ('confirm' in action) confirm(action.confirm);
    else action.perform(context);
  }

  const visible = actions.filter((a) => can(a.ability) && (a.visible?.(context) ?? true));
  const current = dialog && actions.find((a) => a.key === dialog.key);
  const Dialog = current && 'dialog' in current ? current.dialog : null;

  return (
    <>
      <Flex gap={8} wrap>
        {visible.map((action) => (
          <Button
            key={action.key}
            type={valueOf(action.primary ?? false, context) ? 'primary' : 'default'}
            danger={action.danger}
            onClick={() => start(action)}
          >
            {valueOf(action.label, context)}
          </Button>
        ))}
        {props.extra}
      </Flex>
      {Dialog && dialog && (
        <Dialog
          context={context}
          open={dialog.open}
          onClose={() => setDialog((d) => d && { ...d, open: false })}
          afterClose={() => setDialog((d) => (d?.open ? d : null))}
        />
      )}
    </>
  );
}
