import { useEffect, useState, type CSSProperties } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Flex, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

const placeholder = '搜索提案、社情民意、活动、委员';

/** The address of the search page for what was typed; nothing when only spaces were typed. */
export function searchAddress(text: string): string | null {
  const q = text.trim();
  return q ? `/search?${new URLSearchParams({ q }).toString()}` : null;
}

/**
 * The search box of the top bar, for every signed-in user: a box on wide screens, on phones an icon
 * that opens the box above the page. Enter opens the search page.
 */
export function TopBarSearch(props: { phone: boolean; buttonStyle?: CSSProperties }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  // On the search page the box shows what is being searched; elsewhere it starts empty.
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  useEffect(() => setText(current), [current]);

  function go(value: string) {
    const address = searchAddress(value);
    if (!address) return;
    setOpen(false);
    navigate(address);
  }

  const box = (
    <Input.Search
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={go}
      placeholder={placeholder}
      aria-label="全局搜索"
      maxLength={50}
      allowClear={!props.phone}
      enterButton={props.phone}
      autoFocus={props.phone}
    />
  );
  if (!props.phone) return <div style={{ width: 'clamp(180px, 22vw, 300px)' }}>{box}</div>;
  return (
    <>
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label="搜索"
        onClick={() => setOpen(true)}
        style={props.buttonStyle}
      />
      <Drawer
        placement="top"
        open={open}
        onClose={() => setOpen(false)}
        closable={false}
        title={null}
        size="auto"
        destroyOnHidden
        styles={{ body: { padding: 8 } }}
      >
        <Flex gap={8} align="center">
          <div style={{ flex: 1, minWidth: 0 }}>{box}</div>
          <Button type="text" onClick={() => setOpen(false)}>
            取消
          </Button>
        </Flex>
      </Drawer>
    </>
  );
}
