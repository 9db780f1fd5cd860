import { defineMessages } from '../../i18n/i18n';

export const notificationsMessages = defineMessages(
  'notifications',
  {
    title: 'الإشعارات',
    none: 'لا توجد لديك إشعارات.',
    unreadTag: 'جديد',
    markRead: 'علّم كمقروء',
    markReadFailed: 'تعذّر تعليم الإشعار كمقروء. حاول مرة أخرى.',
    received: 'وصل في',
    openCase: 'افتح الدعوى',
    showMore: 'اعرض إشعارات أقدم',
    loadFailed: 'تعذّر عرض إشعاراتك الآن. حدّث الصفحة بعد قليل.',
  },
  {
    title: 'Notifications',
    none: 'You have no notifications.',
    unreadTag: 'New',
    markRead: 'Mark as read',
    markReadFailed: 'The notification could not be marked as read. Try again.',
    received: 'Received',
    openCase: 'Open the case',
    showMore: 'Show older notifications',
    loadFailed: 'Your notifications cannot be shown right now. Reload the page in a moment.',
  },
);
