import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { t } from '../../../common/i18n/index';
import { requiredStep, useLogout, useMe } from '../auth/auth.api';
import { useCameFrom } from '../common/came-from.hooks';
import { FullPageSpin } from '../common/full-page-spin.component';
import { NotificationsBell } from '../notifications/notifications-bell.component';
import { GROUPS, type SectionGroup, sectionOf, sectionsFor } from './app.sections';

const COLLAPSED_KEY = 'guazhi.menuCollapsed';
type ItemType = NonNullable<MenuProps['items']>[number];
const groupKey = (group: SectionGroup) => `group:${group}`;

/** The side menu: the sections the account's roles may open, grouped into their submenus. */
function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const location = useLocation();
  const from = useCameFrom();
  const current = sectionOf((from ?? location.pathname).split('?')[0] ?? '/');
  const selected = current?.path;

  const items = useMemo(() => {
    const list: NonNullable<MenuProps['items']> = [];
    const groups = new Map<SectionGroup, ItemType[]>();
    for (const section of sectionsFor(me.roles)) {
      const item: ItemType = {
        key: section.path,
        icon: section.icon,
        label: (
          <Link to={section.path} onClick={onNavigate}>
            {t(section.label)}
          </Link>
        ),
      };
      if (!section.group) {
        list.push(item);
        continue;
      }
      let children = groups.get(section.group);
      if (!children) {
        children = [];
        groups.set(section.group, children);
        const group = GROUPS[section.group];
        list.push({ key: groupKey(section.group), icon: group.icon, label: t(group.label), children });
      }
      children.push(item);
    }
    return list;
  }, [me.roles, onNavigate]);

  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      // submenus start open: for the administrators they hold everything there is
      defaultOpenKeys={Object.keys(GROUPS).map((group) => groupKey(group as SectionGroup))}
      items={items}
    />
  );
}

function Brand() {
  return (
    <Link to="/" className="shell-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {/* cut short on narrow screens: the whole name on hover */}
      <span className="shell-brand__name" title={t('app.name')}>
        {t('app.name')}
      </span>
    </Link>
  );
}

function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const roles = me.roles.length ? me.roles.map((role) => t(`role.${role}`)).join('、') : t('auth.noRole');

  const items: MenuProps['items'] = [
    {
      key: 'me',
      disabled: true,
      className: 'user-menu__info',
      label: (
        <div>
          <div className="user-menu__name" title={me.displayName}>
            {me.displayName}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {me.username} · {roles}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    // while a step is owed (password change, TOTP enrolment) only that step and 退出登录
    ...(requiredStep(me)
      ? []
      : [
          { key: 'security', icon: <SafetyCertificateOutlined aria-hidden />, label: t('menu.security') },
          { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('auth.changePassword') },
        ]),
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('auth.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'security') navigate('/security');
    if (key === 'password') navigate('/change-password');
    if (key === 'logout') logout.mutate();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="shell-user" aria-label={`${t('shell.userMenu')}：${me.displayName}`}>
        <Avatar size="small" icon={<UserOutlined aria-hidden />} className="shell-user__avatar" />
        {compact ? null : (
          // a long name is cut at 160 px: the whole name on hover (issue 11 line 7)
          <span className="shell-user__name" title={me.displayName}>
            {me.displayName}
          </span>
        )}
        <DownOutlined aria-hidden className="shell-user__caret" />
      </Button>
    </Dropdown>
  );
}

/**
 * The frame of every signed-in page: header (app name, user menu) and the side menu,
 * which folds into a drawer on phones. While the session owes a step (the forced password
 * change, TOTP enrolment) there is no menu: only that step's page can be reached.
 */
export function ShellLayout() {
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  // a navigation closes the phone menu
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path on purpose
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const toggleCollapsed = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });
  };

  const forced = requiredStep(me) !== null;

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        {!forced && mobile ? (
          <Button
            type="text"
            className="shell-header__menu-button"
            icon={<MenuOutlined />}
            aria-label={t('shell.openMenu')}
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        {!forced && !mobile ? (
          <Button
            type="text"
            className="shell-header__menu-button"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? t('shell.expand') : t('shell.collapse')}
            aria-expanded={!collapsed}
            onClick={toggleCollapsed}
          />
        ) : null}
        <Brand />
        <div className="shell-header__spacer" />
        {forced ? null : <NotificationsBell />}
        <UserMenu compact={mobile} />
      </Layout.Header>
      <Layout hasSider={!forced && !mobile}>
        {!forced && !mobile ? (
          <Layout.Sider
            className="shell-sider"
            theme="light"
            width={208}
            collapsedWidth={64}
            collapsible
            collapsed={collapsed}
            trigger={null}
          >
            <nav aria-label={t('shell.menu')}>
              <AppMenu />
            </nav>
          </Layout.Sider>
        ) : null}
        {!forced && mobile ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={256}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            <nav aria-label={t('shell.menu')}>
              <AppMenu onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </Drawer>
        ) : null}
        <Layout.Content className="shell-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
