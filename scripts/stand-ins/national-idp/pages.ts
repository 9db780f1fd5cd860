/**
 * The stand-in's pages: server-rendered, bilingual (Arabic first, right to left; English beside
 * it), labelled forms, no external assets. The only script polls the request's status; without
 * it, a button does the same.
 */
const STYLE = `
body{font-family:"Noto Naskh Arabic","Noto Sans",system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1b1b1b}
header{border-block-end:4px solid #1b6b3a;margin-block-end:1.5rem}
.en{direction:ltr;text-align:left;color:#444}
label{display:block;font-weight:bold;margin-block:1rem .25rem}
input{font-size:1.25rem;padding:.4rem;width:12rem;direction:ltr}
button{font-size:1.1rem;padding:.5rem 1.25rem;margin-block:.75rem;margin-inline-end:.75rem;cursor:pointer}
.number{font-size:4rem;font-weight:bold;letter-spacing:.2rem;text-align:center;border:3px solid #1b6b3a;border-radius:.5rem;padding:1rem}
.error{border:3px solid #b10e1e;padding:.75rem 1rem}
.pick button{font-size:2rem;min-width:6rem}
`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An Arabic sentence with its English beside it. */
function both(ar: string, en: string): string {
  return `${escapeHtml(ar)} <span class="en" lang="en" dir="ltr">/ ${escapeHtml(en)}</span>`;
}

function page(titleAr: string, titleEn: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(titleAr)} — ${escapeHtml(titleEn)}</title><style>${STYLE}</style>${head}</head>
<body><header><p>${both('النفاذ الوطني الموحد (بيئة تطوير)', 'National single sign-on (development stand-in)')}</p>
<h1>${both(titleAr, titleEn)}</h1></header><main>${body}</main></body></html>`;
}

function errorSummary(error?: { ar: string; en: string }): string {
  return error ? `<div class="error" role="alert" id="error"><p>${both(error.ar, error.en)}</p></div>` : '';
}

export function loginPage(uid: string, nationalId = '', error?: { ar: string; en: string }): string {
  return page(
    'تسجيل الدخول',
    'Sign in',
    `${errorSummary(error)}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="nationalId">${both('رقم الهوية الوطنية أو الإقامة', 'National ID or iqama number')}</label>
<input id="nationalId" name="nationalId" inputmode="numeric" autocomplete="username" maxlength="10" required value="${escapeHtml(nationalId)}"${error ? ' aria-describedby="error"' : ''}>
<p><button type="submit">${both('متابعة', 'Continue')}</button></p>
</form>`,
  );
}

export function waitingPage(uid: string, shown: number, phoneUrl: string, expiresAt: number): string {
  const base = `/interaction/${escapeHtml(uid)}`;
  const poll = `<script>
(function(){var t=setInterval(function(){fetch('${base}/status',{credentials:'same-origin'}).then(function(r){return r.json()}).then(function(s){
if(s.status!=='pending'){clearInterval(t);location.href='${base}/complete';}}).catch(function(){});},1000);})();
</script>`;
  return page(
    'افتح تطبيق نفاذ',
    'Open the Nafath app',
    `<p>${both('اختر هذا الرقم في التطبيق:', 'Choose this number in the app:')}</p>
<p class="number" id="number" aria-live="polite">${shown}</p>
<p>${both('صفحة الهاتف (تمثل التطبيق):', 'The phone page (stands for the app):')} <a href="${escapeHtml(phoneUrl)}" target="_blank" rel="noopener">${escapeHtml(phoneUrl)}</a></p>
<p>${both('ينتهي الطلب في', 'The request expires at')} <time dir="ltr" datetime="${new Date(expiresAt).toISOString()}">${new Date(expiresAt).toISOString().slice(11, 19)} UTC</time></p>
<form method="get" action="${base}/complete"><button type="submit">${both('تحقق من الحالة', 'Check the status')}</button></form>
${poll}`,
  );
}

export interface PhoneRequestView {
  id: string;
  options: number[];
}

export function phonePage(nationalId: string | null, requests: PhoneRequestView[], outcome?: string): string {
  if (!nationalId) {
    return page(
      'تطبيق نفاذ',
      'Nafath app',
      `<form method="get" action="/phone">
<label for="nationalId">${both('هاتف صاحب الهوية رقم', 'The phone of national ID')}</label>
<input id="nationalId" name="nationalId" inputmode="numeric" maxlength="10" required>
<p><button type="submit">${both('فتح التطبيق', 'Open the app')}</button></p></form>`,
    );
  }
  const done =
    outcome === 'approved'
      ? `<p role="status">${both('تمت الموافقة على الطلب.', 'The request was approved.')}</p>`
      : outcome === 'denied'
        ? `<p role="status" class="error">${both('الرقم غير مطابق: رُفض الطلب.', 'The number did not match: the request was denied.')}</p>`
        : outcome === 'expired'
          ? `<p role="status" class="error">${both('انتهت مدة الطلب.', 'The request has expired.')}</p>`
          : '';
  const list = requests.length
    ? requests
        .map(
          (r) => `<form method="post" action="/phone/requests/${escapeHtml(r.id)}" class="pick">
<fieldset><legend>${both('طلب دخول إلى عدل: اختر الرقم الظاهر على شاشة الدخول', 'Sign-in request from Adl: choose the number shown on the sign-in page')}</legend>
${r.options.map((n) => `<button type="submit" name="number" value="${n}">${n}</button>`).join('')}
</fieldset></form>`,
        )
        .join('')
    : `<p>${both('لا توجد طلبات بانتظارك.', 'No requests are waiting for you.')}</p>`;
  return page('تطبيق نفاذ', 'Nafath app', `${done}<p dir="ltr">${escapeHtml(nationalId)}</p>${list}`);
}

export function messagePage(titleAr: string, titleEn: string, ar: string, en: string): string {
  return page(titleAr, titleEn, `<p>${both(ar, en)}</p>`);
}

/** oidc-provider's end-session confirmation: its form, with our words. */
export function logoutPage(form: string): string {
  return page(
    'تسجيل الخروج',
    'Sign out',
    `${form}<p>${both('هل تريد تسجيل الخروج من النفاذ الوطني؟', 'Do you want to sign out of national single sign-on?')}</p>
<button form="op.logoutForm" type="submit" name="logout" value="yes">${both('نعم، سجّل خروجي', 'Yes, sign me out')}</button>
<button form="op.logoutForm" type="submit">${both('لا', 'No')}</button>`,
  );
}
