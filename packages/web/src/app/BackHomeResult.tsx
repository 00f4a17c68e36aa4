import { Button, Result } from 'antd';
import { Link } from 'react-router';

/** A page that cannot be shown (not found, not allowed), with the way back to the home page. */
export function BackHomeResult(props: { status: '403' | '404'; title: string; subTitle: string }) {
  return (
    <Result
      {...props}
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}
