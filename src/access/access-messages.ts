/** The messages of the access layer (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const ACCESS = defineMessages('access', {
  noPolicy: { ar: 'لم تُعلن هذه العملية سياسة وصول، فلا تُنفّذ.', en: 'This operation declares no access policy.' },
});
