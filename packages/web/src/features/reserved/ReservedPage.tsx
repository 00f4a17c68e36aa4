import { Result } from 'antd';
import { useMatches } from 'react-router';

/** Holds a menu path that a feature still under construction will take over. */
export default function ReservedPage() {
  const matches = useMatches();
  const title = (matches.at(-1)?.handle as { title?: string } | undefined)?.title ?? '此功能';
  return <Result status="info" title={title} subTitle={`${title}功能正在建设中`} />;
}
