import {
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

type Router = {
  pathname: string;
  search: string;
  navigate: (to: string, options?: { replace?: boolean }) => void;
};

const RouterContext = createContext<Router | null>(null);

/** A router of a few lines: the History API is enough for a handful of pages. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [where, setWhere] = useState({ pathname: location.pathname, search: location.search });
  useEffect(() => {
    const onPop = () => setWhere({ pathname: location.pathname, search: location.search });
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    if (options?.replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
    setWhere({ pathname: location.pathname, search: location.search });
  }, []);
  const value = useMemo(() => ({ ...where, navigate }), [where, navigate]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}

type LinkProps = { href: string; children: ReactNode; className?: string; 'aria-current'?: 'page' };

export function Link({ href, children, ...rest }: LinkProps) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
