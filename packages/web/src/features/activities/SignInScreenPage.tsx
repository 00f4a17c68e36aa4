import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Flex, QRCode, Result, Spin, Typography } from 'antd';
import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useActivity, useSignInCode } from '../../api/activities';
import { dateTimeText } from '../../components/columns';
import { timeRange } from './common';

/** The time now, ticking every second (the countdown). */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * 签到屏, for the projector: the topic, the rotating code as digits and as a QR code of the sign-in
 * page, and how many have signed in. It covers the whole window, above the menu and header.
 */
export default function SignInScreenPage() {
  const id = Number(useParams().id);
  const activity = useActivity(Number.isInteger(id) && id > 0 ? id : null);
  const code = useSignInCode(id);
  const now = useNow();
  const c = code.data;
  const a = activity.data;
  const left = c ? Math.max(0, Math.ceil((Date.parse(c.expiresAt) - now) / 1000)) : 0;
  const link = c ? `${location.origin}/activities/${id}/sign-in?code=${c.code}` : '';

  let body;
  if (code.isPending || activity.isPending) body = <Spin size="large" />;
  else if (!c || !a)
    body = (
      <Result status="warning" title={code.error?.message ?? activity.error?.message ?? '无法显示签到码'} />
    );
  else if (!c.open)
    body = (
      <Result
        status="info"
        title={
          <span style={{ fontSize: 40 }}>
            {Date.parse(c.windowOpensAt) > now ? '签到尚未开始' : '签到已结束'}
          </span>
        }
        subTitle={
          <span style={{ fontSize: 24 }}>
            签到时间：{dateTimeText(c.windowOpensAt)} 至 {dateTimeText(c.windowClosesAt)}
          </span>
        }
      />
    );
  else
    body = (
      <Flex gap={64} align="center" justify="center" wrap>
        <QRCode value={link} size={320} type="svg" bordered={false} aria-label="签到二维码" />
        <Flex vertical align="center" gap={8}>
          <Typography.Text style={{ fontSize: 28 }}>签到码</Typography.Text>
          <Typography.Text
            strong
            aria-live="polite"
            style={{
              fontSize: 'min(16vw, 140px)',
              letterSpacing: '0.15em',
              fontFamily: 'monospace',
              lineHeight: 1.1,
            }}
          >
            {c.code}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 24 }}>
            {left} 秒后更新
          </Typography.Text>
        </Flex>
      </Flex>
    );

  return (
    <div
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        background: '#fff',
        display: 'flex',
        flexDirection: 'column',
        padding: '32px 48px',
        overflow: 'auto',
      }}
    >
      <Flex justify="space-between" align="start" gap={16}>
        <Flex vertical gap={8}>
          <Typography.Title style={{ margin: 0, fontSize: 44 }}>{a?.topic ?? ''}</Typography.Title>
          {a && (
            <Typography.Text type="secondary" style={{ fontSize: 22 }}>
              {timeRange(a.startsAt, a.endsAt)} · {a.place}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={8}>
          <Button
            icon={<FullscreenOutlined />}
            aria-label="全屏"
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
          />
          <Link to={`/activities/${id}`}>
            <Button icon={<CloseOutlined />} aria-label="关闭签到屏" />
          </Link>
        </Flex>
      </Flex>
      <Flex flex={1} align="center" justify="center">
        {body}
      </Flex>
      {c && (
        <Typography.Text style={{ fontSize: 32, textAlign: 'center' }}>
          已签到 <strong>{c.signedIn}</strong> / 应到 {c.invited} 人
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 18, textAlign: 'center', marginTop: 8 }}>
        请用手机登录履职平台扫码，或在“我的活动”中点“签到”输入签到码
      </Typography.Text>
    </div>
  );
}
