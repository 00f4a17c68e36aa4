import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { pageRoutes } from './routes';
import { RouteError } from './RouteError';

const module =
  <T extends { default: ComponentType }>(load: () => Promise<T>) =>
  async () => ({
    Component: (await load()).default,
  });

/** Pages are loaded on demand: the login page must not pay for the admin pages. */
const pages: RouteObject[] = pageRoutes.map((route) => ({
  ...(route.path === '/' ? { index: true } : { path: route.path.slice(1) }),
  handle: { title: route.title, within: route.within },
  lazy: async () => {
    const [{ default: Page }, { guardAbility }] = await Promise.all([route.load(), import('./guards')]);
    return { Component: guardAbility(Page, route.ability) };
  },
}));

export const router = createBrowserRouter([
  {
    // Nothing to show while the first lazy page loads; the chunks are small.
    HydrateFallback: () => null,
    ErrorBoundary: RouteError,
    children: [
      { path: '/login', lazy: module(() => import('../features/auth/LoginPage')) },
      { path: '/change-password', lazy: module(() => import('../features/auth/ChangePasswordPage')) },
      {
        path: '/',
        lazy: module(() => import('./AppLayout')),
        children: [...pages, { path: '*', lazy: module(() => import('./NotFoundPage')) }],
      },
    ],
  },
]);
