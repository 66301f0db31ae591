import { Link as DsLink, type LinkProps as DsLinkProps } from '@digdir/designsystemet-react';
import { forwardRef } from 'react';
import { Link as RouterLinkBase, type LinkProps as RouterLinkProps } from 'react-router';

type Props = Omit<DsLinkProps, 'href' | 'asChild'> & Pick<RouterLinkProps, 'to' | 'state' | 'replace'>;

/** Designsystemet's link look with client-side navigation. */
export const RouterLink = forwardRef<HTMLAnchorElement, Props>(function RouterLink({ to, state, replace, children, ...rest }, ref) {
  return (
    <DsLink asChild {...rest}>
      <RouterLinkBase ref={ref} to={to} state={state} replace={replace}>
        {children}
      </RouterLinkBase>
    </DsLink>
  );
});
