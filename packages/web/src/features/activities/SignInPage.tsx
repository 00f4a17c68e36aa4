import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { signInBody, signInCodeLength } from '@cppcc/shared';
import { useActivity, useInvitationStep, type ActivityDetail } from '../../api/activities';
import { dateTimeText } from '../../components/columns';
import { errorText } from '../../components/CommandModal';
import { LoadedRecord } from '../../components/LoadedRecord';
import { zodRule } from '../../components/zodForm';
import { signInOpen } from './actions/MemberActions';
import { timeRange } from './common';

/** 活动签到: the member types the code on the projector (or opens the QR's link, which brings it). */
export default function SignInPage() {
  const id = Number(useParams().id);
  const query = useActivity(Number.isInteger(id) && id > 0 ? id : null);
  return (
    <LoadedRecord query={query} notFound="活动不存在或您未受邀参加">
      {(record) => <SignIn activity={record} />}
    </LoadedRecord>
  );
}

function SignIn({ activity: a }: { activity: ActivityDetail }) {
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<{ code: string }>();
  const step = useInvitationStep(a.id);
  const [problem, setProblem] = useState<string | null>(null);
  const fromQr = (searchParams.get('code') ?? '').replace(/\D/g, '').slice(0, signInCodeLength);
  const signedInAt = a.mine?.signedInAt;

  async function submit({ code }: { code: string }) {
    setProblem(null);
    try {
      const typed = code.trim();
      // A code left as the scanned link brought it counts as signed in by QR code.
      await step.mutateAsync({
        step: 'sign-in',
        body: { code: typed, via: fromQr && typed === fromQr ? 'qr' : 'code' },
      });
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  const heading = (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {a.topic}
      </Typography.Title>
      <Typography.Text type="secondary">{timeRange(a.startsAt, a.endsAt)}</Typography.Text>
      <Typography.Text type="secondary">地点：{a.place}</Typography.Text>
    </Flex>
  );

  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }} styles={{ body: { padding: 16 } }}>
      {heading}
      {signedInAt ? (
        <Result
          status="success"
          title="已签到"
          subTitle={`签到时间：${dateTimeText(signedInAt)}`}
          extra={
            <Link to={`/activities/${a.id}`}>
              <Button>查看活动</Button>
            </Link>
          }
        />
      ) : !signInOpen(a) ? (
        <Result
          status="info"
          title="现在不能签到"
          subTitle={
            a.tracksAttendance
              ? `签到时间为 ${dateTimeText(a.signInWindow.opensAt)} 至 ${dateTimeText(a.signInWindow.closesAt)}`
              : '该活动不设签到'
          }
          extra={
            <Link to={`/activities/${a.id}`}>
              <Button>查看活动</Button>
            </Link>
          }
        />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ code: fromQr }} onFinish={submit}>
          <Form.Item
            name="code"
            label={`签到码（${signInCodeLength} 位数字，见会场签到屏）`}
            rules={[zodRule(signInBody, 'code', '签到码')]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={signInCodeLength}
              autoFocus={!fromQr}
              placeholder={'0'.repeat(signInCodeLength)}
              style={{ fontSize: 28, letterSpacing: '0.4em', textAlign: 'center', fontFamily: 'monospace' }}
            />
          </Form.Item>
          {problem && (
            <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={step.isPending}>
            签到
          </Button>
        </Form>
      )}
    </Card>
  );
}
