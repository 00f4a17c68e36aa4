import { Link, useNavigate } from 'react-router';
import { Button } from 'antd';
import { DesktopOutlined, DownloadOutlined } from '@ant-design/icons';
import type { ActivityCommandRoutes } from '@cppcc/shared';
import {
  activityDocuments,
  useActivityCommand,
  type ActivityDetail,
  type InvitationDto,
} from '../../../api/activities';
import { DownloadButton } from '../../../components/DownloadButton';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { sender, type ActivityActionContext } from './context';
import { activityActions } from './table';

/** The context of the activity's dialogs: the record, its command hook and the roster's ticked rows. */
export function useActivityContext(
  activity: ActivityDetail,
  selected: InvitationDto[],
  clearSelection: () => void,
): ActivityActionContext {
  const navigate = useNavigate();
  const command = useActivityCommand(activity.id);
  return {
    activity,
    send: sender<ActivityCommandRoutes>(command.mutateAsync),
    navigate,
    selected,
    clearSelection,
  };
}

/** The staff's buttons (see `activityActions`), the sign-in screen and the two downloads. */
export function ActivityActions({ context }: { context: ActivityActionContext }) {
  const a = context.activity;
  const staff = a.policies.canShowCode === true;
  return (
    <WorkflowActions
      actions={activityActions}
      context={context}
      policies={a.policies}
      extra={
        staff && (
          <>
            {a.state === 'published' && a.tracksAttendance && (
              <Link to={`/activities/${a.id}/sign-in-screen`}>
                <Button icon={<DesktopOutlined />}>打开签到屏</Button>
              </Link>
            )}
            {[
              { label: '签到表', path: activityDocuments.signInSheet(a.id), file: `${a.topic}签到表.docx` },
              {
                label: '出勤表',
                path: activityDocuments.attendanceSheet(a.id),
                file: `${a.topic}出勤表.xlsx`,
              },
            ].map((d) => (
              <DownloadButton key={d.label} path={d.path} fileName={d.file} icon={<DownloadOutlined />}>
                {d.label}
              </DownloadButton>
            ))}
          </>
        )
      }
    />
  );
}
