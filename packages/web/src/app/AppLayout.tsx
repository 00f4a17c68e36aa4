import { Suspense, useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import {
  App,
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  Spin,
  Typography,
  type MenuProps,
} from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabels } from '@cppcc/shared';
import { useLogout, useMeQuery } from '../api/auth';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { menuFor, type MenuEntry } from './menu';
import { setMessageApi } from './notifier';
import { sessionEnded } from './sessionEnd';

const siderWidth = 216;

function menuItems(entries: MenuEntry[]): MenuProps['items'] {
  const groups = new Map<string, MenuEntry[]>();
  for (const e of entries) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  return [...groups].map(([group, items]) => ({
    type: 'group' as const,
    key: group,
    label: group,
    children: items.map((e) => ({ key: e.key, icon: e.icon, label: e.label })),
  }));
}

/** The entry whose path is the longest prefix of the current location. */
function selectedKey(entries: MenuEntry[], pathname: string): string | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const hit = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best?.key;
}

/** Lets toasts raised outside components use the themed message API of <App>. */
function MessageBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}

/** antd's <App> gives pages themed modal/message hooks; the login page does without it. */
export default function AppLayout() {
  return (
    <App component={false}>
      <MessageBridge />
      <SignedInFrame />
    </App>
  );
}

/** Signed-in frame: side menu (drawer on phones), header with notifications and the user menu. */
function SignedInFrame() {
  const me = useMeQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const matches = useMatches();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const logout = useLogout();
  const user = me.data;
  const entries = useMemo(() => (user ? menuFor(user.abilities) : []), [user]);

  if (me.isPending) {
    return (
      <Flex justify="center" align="center" style={{ height: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!user) {
    const from = location.pathname + location.search;
    const query = new URLSearchParams({
      ...(from === '/' ? {} : { from }),
      ...(sessionEnded() ? { expired: '1' } : {}),
    }).toString();
    return <Navigate to={query ? `/login?${query}` : '/login'} replace />;
  }
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;

  // Before the first paint Grid reports no breakpoints; treat that as wide to avoid a flash of the phone layout.
  const wide = screens.md ?? true;
  const items = menuItems(entries);
  const selected = selectedKey(entries, location.pathname);
  // The menu may name a page for the role (总览 for leaders); otherwise the route's own title.
  const title =
    entries.find((e) => e.key === selected && e.path === location.pathname)?.label ??
    (matches.at(-1)?.handle as { title?: string } | undefined)?.title;
  const go = (key: string) => {
    const entry = entries.find((e) => e.key === key);
    if (entry) navigate(entry.path);
    setDrawerOpen(false);
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate('/change-password');
      if (key === 'logout')
        logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
    },
  };

  const brand = (
    <div style={{ padding: '16px 16px 8px', color: '#fff' }}>
      <div style={{ fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>政协履职平台</div>
      <div style={{ fontSize: 12, opacity: 0.75, marginTop: 2 }}>{user.committee.name}</div>
    </div>
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => go(key)}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider
          width={siderWidth}
          style={{ position: 'fixed', insetBlock: 0, left: 0, overflow: 'auto' }}
        >
          {brand}
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
          title={null}
        >
          {brand}
          {menu}
        </Drawer>
      )}
      <Layout style={{ marginLeft: wide ? siderWidth : 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            padding: wide ? '0 24px' : '0 8px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            boxShadow: '0 1px 4px rgba(0,0,0,0.08)',
          }}
        >
          {!wide && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Typography.Text strong style={{ fontSize: 16, flex: 1, minWidth: 0 }} ellipsis>
            {title ?? ''}
          </Typography.Text>
          <NotificationBell />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" aria-label="用户菜单" style={{ paddingInline: 8 }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b71c1c' }} />
              {wide && (
                <span>
                  {user.displayName}
                  <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                    {user.roles.map((r) => roleLabels[r]).join('、')}
                  </Typography.Text>
                </span>
              )}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 8 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
