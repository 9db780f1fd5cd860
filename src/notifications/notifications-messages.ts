/** The messages of the notifications wing (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const NOTIFICATIONS = defineMessages('notifications', {
  notificationNotFound: { ar: 'لم يُعثر على التبليغ.', en: 'The notification was not found.' },
});
