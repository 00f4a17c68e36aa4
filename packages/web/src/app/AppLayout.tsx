import { Suspense, useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import {
  App,
  Avatar,
  Button,
  ConfigProvider,
  Drawer,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  Spin,
  Typography,
  type MenuProps,
  type ThemeConfig,
} from 'antd';
import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { roleLabels } from '@cppcc/shared';
import { useLogout, useMeQuery } from '../api/auth';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { TopBarSearch } from '../features/search/TopBarSearch';
import { menuFor, type MenuEntry } from './menu';
import { setMessageApi } from './notifier';
import { PageTrail } from './PageTrail';
import { sectionOf } from './section';
import { sessionEnded } from './sessionEnd';
import './phone.css';

const siderWidth = 216;
const collapsedSiderWidth = 64;
/** Header buttons on phones: a finger needs 44×44 px. */
const phoneTapTarget = { minWidth: 44, height: 44 };
const collapsedKey = 'cppcc.menuCollapsed';

/**
 * On phones every control is a 44×44 px tap target: buttons, inputs and selects by the control height,
 * pagination (small on phones) and menu items by their own sizes; links by `phone.css`.
 */
const phoneTheme: ThemeConfig = {
  token: { controlHeight: 44 },
  components: {
    Pagination: { itemSize: 44, itemSizeSM: 44 },
    Menu: { itemHeight: 44 },
    Button: { controlHeightSM: 44 },
  },
};

/** Whether the staff left the side menu collapsed last time, in this browser. */
function useMenuCollapsed() {
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(collapsedKey) === '1');
  const toggle = () => {
    localStorage.setItem(collapsedKey, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  return [collapsed, toggle] as const;
}

function menuItems(entries: MenuEntry[], collapsed: boolean): MenuProps['items'] {
  const groups = new Map<string, MenuEntry[]>();
  for (const e of entries) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  const item = (e: MenuEntry) => ({ key: e.key, icon: e.icon, label: e.label });
  // Collapsed to icons, the groups' names would not fit: a line parts them instead.
  if (collapsed)
    return [...groups.values()].flatMap((items, i) => [
      ...(i > 0 ? [{ type: 'divider' as const, key: `divider-${i}` }] : []),
      ...items.map(item),
    ]);
  return [...groups].map(([group, items]) => ({
    type: 'group' as const,
    key: group,
    label: group,
    children: items.map(item),
  }));
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
  const phone = Grid.useBreakpoint().md === false;
  // Toasts stay off the page's title: below the header on wide screens, near the bottom edge on
  // phones, where a centred toast would span the header's title.
  const message = phone ? { top: 'calc(100dvh - 128px)', maxCount: 2 } : { top: 72 };
  return (
    <ConfigProvider theme={phone ? phoneTheme : undefined}>
      <App component={false} message={message}>
        <MessageBridge />
        <SignedInFrame />
      </App>
    </ConfigProvider>
  );
}

/** Signed-in frame: side menu (drawer on phones), header with the search, notifications and the user menu. */
function SignedInFrame() {
  const me = useMeQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const matches = useMatches();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, toggleCollapsed] = useMenuCollapsed();
  /** The last menu page shown, with its filters: a page under it leads back there. */
  const [cameFrom, setCameFrom] = useState<{ path: string; address: string }>();
  const logout = useLogout();
  const user = me.data;
  const entries = useMemo(() => (user ? menuFor(user.abilities) : []), [user]);
  const handle = matches.at(-1)?.handle as { title?: string; within?: string[] } | undefined;
  const section = sectionOf(entries, location.pathname, handle?.within, cameFrom?.path);
  const ownPath = section?.own ? section.entry.path : undefined;
  const address = location.pathname + location.search;
  useEffect(() => {
    if (ownPath) setCameFrom({ path: ownPath, address });
  }, [ownPath, address]);

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
  const items = menuItems(entries, wide && collapsed);
  const selected = section?.entry.key;
  // The menu may name a page for the role (总览 for leaders); otherwise the route's own title.
  const title = section?.own ? section.entry.label : handle?.title;
  const backTo =
    section && cameFrom?.path === section.entry.path ? cameFrom.address : (section?.entry.path ?? '/');
  const siderShown = collapsed ? collapsedSiderWidth : siderWidth;
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

  const brand =
    wide && collapsed ? (
      <div
        style={{ padding: '16px 0 8px', color: '#fff', textAlign: 'center', fontSize: 17, fontWeight: 600 }}
      >
        政协
      </div>
    ) : (
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
          collapsedWidth={collapsedSiderWidth}
          collapsible
          collapsed={collapsed}
          trigger={null}
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
      <Layout style={{ marginLeft: wide ? siderShown : 0, transition: 'margin-left 0.2s' }}>
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
          {wide ? (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
              aria-expanded={!collapsed}
              onClick={toggleCollapsed}
            />
          ) : (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              onClick={() => setDrawerOpen(true)}
              style={phoneTapTarget}
            />
          )}
          <Typography.Text strong style={{ fontSize: 16, flex: 1, minWidth: 0 }} ellipsis>
            {title ?? ''}
          </Typography.Text>
          <TopBarSearch phone={!wide} buttonStyle={phoneTapTarget} />
          <NotificationBell buttonStyle={wide ? undefined : phoneTapTarget} />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button
              type="text"
              // On wide screens the button is named by the user's name it shows.
              aria-label={wide ? undefined : '用户菜单'}
              style={{ paddingInline: 8, ...(wide ? {} : phoneTapTarget) }}
            >
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
          {section && !section.own && (
            <PageTrail section={section.entry} backTo={backTo} title={title ?? ''} phone={!wide} />
          )}
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
