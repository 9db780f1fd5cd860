import { defineMessages } from '../../i18n/i18n';

export const dashboardMessages = defineMessages(
  'dashboard',
  {
    title: 'لوحتي',
    welcome: 'مرحبًا، {{name}}',
  },
  {
    title: 'My dashboard',
    welcome: 'Welcome, {{name}}',
  },
);
