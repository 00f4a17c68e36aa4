import { Typography } from 'antd';
import { SchemaItem } from '../../../components/schemaFields';
import { OpinionPicker } from '../OpinionPicker';
import { opinionDialog } from './dialogs';

// The submitter's withdrawal and the staff's decisions on a submitted or editing opinion.

export const WithdrawDialog = opinionDialog({
  command: 'withdraw',
  title: '撤回信息',
  okText: '确定撤回',
  danger: true,
  success: '信息已撤回',
  warning: '撤回后该信息不再处理，且不能恢复。',
  text: { name: 'reason', label: '撤回理由' },
});

export const AdoptDialog = opinionDialog({
  command: 'adopt',
  title: '单篇采用',
  okText: '确定采用',
  success: '已采用',
  text: { name: 'note', label: '采用说明', rows: 2 },
});

export const ArchiveDialog = opinionDialog({
  command: 'archive',
  title: '留存，未采用',
  okText: '确定留存',
  success: '已留存',
  text: { name: 'reason', label: '留存说明', rows: 2 },
});

export const ReturnDialog = opinionDialog({
  command: 'return',
  title: '退回修改',
  okText: '退回',
  success: '已退回报送人修改',
  text: { name: 'comment', label: '退回意见', rows: 4 },
});

export const ReopenDialog = opinionDialog({
  command: 'reopen',
  title: '撤销决定',
  okText: '确定撤销',
  danger: true,
  success: '已撤销，信息回到编辑中',
  warning: '撤销后该篇的采用记录及履职记录随之撤回，信息回到编辑中，可重新决定。',
  text: { name: 'reason', label: '撤销理由' },
});

export const CombineDialog = opinionDialog(
  {
    command: 'combine',
    title: '综合采用',
    okText: '确定综合采用',
    success: '已综合采用',
    width: 640,
    text: { name: 'note', label: '综合说明', rows: 2 },
    initialValues: ({ combineWith }) =>
      combineWith ? { otherOpinionIds: combineWith.map((o) => o.id) } : {},
  },
  function CombineFields({ context: { opinion, combineWith }, schema }) {
    return (
      <>
        <Typography.Paragraph type="secondary">
          本篇作为综合后的文章，所选信息并入本篇，各篇作者均记为共同作者。
        </Typography.Paragraph>
        <SchemaItem
          schema={schema}
          name="otherOpinionIds"
          label="综合的其他信息"
          missing="请选择至少一篇要综合的信息"
        >
          <OpinionPicker
            params={{ view: 'inbox' }}
            initial={combineWith}
            accept={(i) => i.id !== opinion.id && (i.state === 'submitted' || i.state === 'editing')}
            placeholder="输入标题搜索已报送、编辑中的信息"
            emptyText="没有可综合的信息"
          />
        </SchemaItem>
      </>
    );
  },
);
