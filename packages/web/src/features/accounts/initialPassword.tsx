import { Alert, App, Typography } from 'antd';
import type { PendingApprovalDto } from '@cppcc/shared';

export type ModalApi = ReturnType<typeof App.useApp>['modal'];

/** Shows a password exactly once; the server keeps only its hash. */
export function showInitialPassword(modal: ModalApi, title: string, username: string, password: string) {
  modal.success({
    title,
    width: 460,
    okText: '我已记下',
    content: (
      <>
        <p>
          账号 <Typography.Text strong>{username}</Typography.Text> 的初始密码为：
        </p>
        <Typography.Paragraph copyable={{ text: password }} code style={{ fontSize: 18 }}>
          {password}
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          title="此密码只显示这一次，请当面或通过安全渠道交给本人；首次登录时须修改。"
        />
      </>
    ),
  });
}

export const isPendingApproval = (result: unknown): result is PendingApprovalDto =>
  typeof result === 'object' && result !== null && 'pendingApproval' in result;

/** 三员分立: the change was recorded as a request; a second administrator must approve it. */
export function showPendingApproval(modal: ModalApi, result: PendingApprovalDto) {
  modal.info({
    title: '已提交审批',
    width: 460,
    okText: '知道了',
    content: (
      <>
        <p>{result.pendingApproval.summary}</p>
        <Alert
          type="info"
          showIcon
          title="涉及管理员权限的变更须由另一位系统管理员或安全管理员在“管理员变更审批”中批准后才生效；初始密码只显示给批准人。"
        />
      </>
    ),
  });
}
