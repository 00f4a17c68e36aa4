import { Breadcrumb, Button, Flex } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { MenuEntry } from './menu';

/**
 * Above a page that sits under a menu entry (a record, a form): where it is (首页 / list / page) and a
 * way back to the list, as the user left it (its filters and page are in `backTo`).
 */
export function PageTrail(props: { section: MenuEntry; backTo: string; title: string; phone: boolean }) {
  const navigate = useNavigate();
  const items = [
    ...(props.section.path === '/' ? [] : [{ key: 'home', title: <Link to="/">首页</Link> }]),
    { key: 'section', title: <Link to={props.backTo}>{props.section.label}</Link> },
    { key: 'page', title: props.title },
  ];
  return (
    <Flex align="center" gap={8} wrap style={{ marginBottom: props.phone ? 8 : 16 }}>
      <Button
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(props.backTo)}
        aria-label={`返回${props.section.label}`}
        style={props.phone ? { minHeight: 44, minWidth: 44 } : undefined}
      >
        返回
      </Button>
      <Breadcrumb items={items} aria-label="当前位置" />
    </Flex>
  );
}
