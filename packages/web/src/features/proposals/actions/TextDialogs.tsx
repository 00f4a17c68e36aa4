import { Typography } from 'antd';
import type { ProposalCommandKey, ProposalCommandRoutes } from '@cppcc/shared';
import { commandDialog, type CommandDialogSpec } from './CommandDialog';
import { SchemaText, type BodySchema } from './fields';

/** A command whose form is one text (a reason, a comment), checked by the command's schema. */
interface TextCommand<K extends ProposalCommandKey> extends CommandDialogSpec<K> {
  field: keyof ProposalCommandRoutes[K]['body']['shape'] & string;
  label: string;
  rows?: number;
  placeholder?: string;
  warning?: string;
}

function textCommandDialog<K extends ProposalCommandKey>(spec: TextCommand<K>) {
  return commandDialog(spec, function TextCommandFields({ schema }) {
    return (
      <>
        {spec.warning && <Typography.Paragraph type="warning">{spec.warning}</Typography.Paragraph>}
        <SchemaText
          schema={schema as BodySchema}
          name={spec.field}
          label={spec.label}
          rows={spec.rows}
          placeholder={spec.placeholder}
        />
      </>
    );
  });
}

export const WithdrawDialog = textCommandDialog({
  command: 'withdraw',
  title: '撤案',
  okText: '确定撤案',
  danger: true,
  success: '提案已撤回',
  field: 'reason',
  label: '撤案理由',
  warning: '撤案后提案不再办理，且不能恢复。',
});

export const ReturnDialog = textCommandDialog({
  command: 'return',
  title: '退回修改',
  okText: '退回',
  success: '已退回提案人修改',
  field: 'comment',
  label: '修改意见',
  rows: 4,
});

export const CloseDialog = textCommandDialog({
  command: 'close',
  title: '办结',
  okText: '确定办结',
  success: '已办结',
  field: 'note',
  label: '办结说明',
});

export const DeclineDialog = textCommandDialog({
  command: 'decline',
  title: '退办',
  okText: '确定退办',
  danger: true,
  success: '已退办',
  field: 'reason',
  label: '退办理由',
  placeholder: '说明不属于本单位职责的原因及建议的承办单位',
});

export const HeadReturnDialog = textCommandDialog({
  command: 'headReturnAnswer',
  title: '退回经办人',
  okText: '退回',
  success: '已退回经办人修改',
  field: 'comment',
  label: '修改意见',
});
