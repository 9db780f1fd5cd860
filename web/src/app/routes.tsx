/**
 * The portal's pages by path. Each page but the home page is its own chunk, loaded when first
 * opened (the build checks each route's JavaScript against its budget, web/budget.ts).
 */
import type { ComponentType } from 'preact';
import { lazy } from 'preact/compat';
import HomePage from '../pages/home/HomePage';

export interface RouteDef {
  path: string;
  page: ComponentType;
  signedIn?: boolean;
}

export const ROUTES: RouteDef[] = [
  // The home page is in the shell itself: the first page most people open costs no second request.
  { path: '/', page: HomePage },
  { path: '/sign-in', page: lazy(() => import('../pages/sign-in/SignInPage')) },
  { path: '/dashboard', page: lazy(() => import('../pages/dashboard/DashboardPage')), signedIn: true },
  { path: '/verify', page: lazy(() => import('../pages/verify/VerifyPage')) },
  { path: '/cause-list', page: lazy(() => import('../pages/cause-list/CauseListPage')) },
  { path: '/statistics', page: lazy(() => import('../pages/statistics/StatisticsPage')) },
  { path: '/cases/:id', page: lazy(() => import('../pages/case/CasePage')), signedIn: true },
  { path: '/cases/:id/object', page: lazy(() => import('../pages/case/ObjectPage')), signedIn: true },
  { path: '/poa', page: lazy(() => import('../pages/poa/PoaListPage')), signedIn: true },
  { path: '/poa/new', page: lazy(() => import('../pages/poa/PoaNewPage')), signedIn: true },
  { path: '/poa/:id', page: lazy(() => import('../pages/poa/PoaPage')), signedIn: true },
  { path: '/poa/:id/revoke', page: lazy(() => import('../pages/poa/PoaRevokePage')), signedIn: true },
  { path: '/contracts', page: lazy(() => import('../pages/contracts/ContractsPage')), signedIn: true },
  { path: '/contracts/:id', page: lazy(() => import('../pages/contracts/ContractPage')), signedIn: true },
  { path: '/notifications', page: lazy(() => import('../pages/notifications/NotificationsPage')), signedIn: true },
  { path: '/file/receipt/:id', page: lazy(() => import('../pages/file/ReceiptPage')), signedIn: true },
  { path: '/file/:step?', page: lazy(() => import('../pages/file/FilePage')), signedIn: true },
  { path: '/cases/:id/correct/:step?', page: lazy(() => import('../pages/file/CorrectPage')), signedIn: true },
];
