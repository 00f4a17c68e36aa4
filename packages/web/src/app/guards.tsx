import type { ComponentType } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { Role } from '@cppcc/shared';
import { hasAnyRole, useCurrentUser } from '../hooks/useCurrentUser';

/** Wraps a page so that users without one of `roles` see a refusal instead of a page of errors. */
export function guardRoles(Page: ComponentType, roles: readonly Role[] | undefined): ComponentType {
  if (!roles) return Page;
  function Guarded() {
    const user = useCurrentUser();
    if (!hasAnyRole(user, roles!)) {
      return (
        <Result
          status="403"
          title="没有权限"
          subTitle="您的账号无权访问此页面"
          extra={
            <Link to="/">
              <Button type="primary">返回首页</Button>
            </Link>
          }
        />
      );
    }
    return <Page />;
  }
  Guarded.displayName = `Guarded(${Page.displayName ?? Page.name})`;
  return Guarded;
}
