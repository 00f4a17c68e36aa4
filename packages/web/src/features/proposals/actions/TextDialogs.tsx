import { commandDialog } from './CommandDialog';

// Commands whose form is one text (a reason, a comment), checked by the command's schema.

export const WithdrawDialog = commandDialog({
  command: 'withdraw',
  title: '撤案',
  okText: '确定撤案',
  danger: true,
  success: '提案已撤回',
  warning: '撤案后提案不再办理，且不能恢复。',
  text: {
    name: 'reason',
    label: '撤案理由',
  },
});

export const ReturnDialog = commandDialog({
  command: 'return',
  title: '退回修改',
  okText: '退回',
  success: '已退回提案人修改',
  text: {
    name: 'comment',
    label: '修改意见',
    rows: 4,
  },
});

export const CloseDialog = commandDialog({
  command: 'close',
  title: '办结',
  okText: '确定办结',
  success: '已办结',
  text: {
    name: 'note',
    label: '办结说明',
  },
});

export const DeclineDialog = commandDialog({
  command: 'decline',
  title: '退办',
  okText: '确定退办',
  danger: true,
  success: '已退办',
  text: {
    name: 'reason',
    label: '退办理由',
    placeholder: '说明不属于本单位职责的原因及建议的承办单位',
  },
});

export const HeadReturnDialog = commandDialog({
  command: 'headReturnAnswer',
  title: '退回经办人',
  okText: '退回',
  success: '已退回经办人修改',
  text: {
    name: 'comment',
    label: '修改意见',
  },
});
