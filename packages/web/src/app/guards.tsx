import type { ComponentType } from 'react';
import { BackHomeResult } from './BackHomeResult';
import { holds, useCurrentUser, type AbilityRequirement } from '../hooks/useCurrentUser';

/** Wraps a page so that users without the `ability` see a refusal instead of a page of errors. */
export function guardAbility(Page: ComponentType, ability: AbilityRequirement | undefined): ComponentType {
  if (ability === undefined) return Page;
  function Guarded() {
    const user = useCurrentUser();
    if (!holds(user.abilities, ability)) {
      return <BackHomeResult status="403" title="没有权限" subTitle="您的账号无权访问此页面" />;
    }
    return <Page />;
  }
  Guarded.displayName = `Guarded(${Page.displayName ?? Page.name})`;
  return Guarded;
}
