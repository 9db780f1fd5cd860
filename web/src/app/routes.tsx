/**
 * The portal's pages by path. Each page is its own chunk, loaded when first opened (the build
 * checks each route's JavaScript against its budget, web/budget.ts).
 */
import type { ComponentType } from 'preact';
import { lazy } from 'preact/compat';

export interface RouteDef {
  path: string;
  page: ComponentType;
  signedIn?: boolean;
}

export const ROUTES: RouteDef[] = [
  { path: '/', page: lazy(() => import('../pages/home/HomePage')) },
  { path: '/sign-in', page: lazy(() => import('../pages/sign-in/SignInPage')) },
  { path: '/dashboard', page: lazy(() => import('../pages/dashboard/DashboardPage')), signedIn: true },
  { path: '/file/receipt/:id', page: lazy(() => import('../pages/file/ReceiptPage')), signedIn: true },
  { path: '/file/:step?', page: lazy(() => import('../pages/file/FilePage')), signedIn: true },
  { path: '/cases/:id/correct/:step?', page: lazy(() => import('../pages/file/CorrectPage')), signedIn: true },
];
