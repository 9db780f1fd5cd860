/** The statement of defence and memos, oldest first, each with its files; and the files filed with the claim. */
import { useLang, useT } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { onThisSite } from '../../lib/links';
import { DualDate } from '../../components/DualDate';
import type { CaseData } from './case-query';
import { caseMessages } from './messages';
import { partyName } from './parties';

interface File {
  id: string;
  fileName: string;
  sizeBytes: number;
  downloadLink?: string | null;
}

export function PleadingsSection({ c }: { c: CaseData }) {
  const t = useT(caseMessages);
  const lang = useLang();
  const memos = [...c.memos].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  const nameOf = (partyId: string) => {
    const party = c.parties.find((p) => p.id === partyId);
    return party ? partyName(party, lang) : t('unknownParty');
  };
  return (
    <section aria-labelledby="pleadings-title">
      <h2 id="pleadings-title" className="heading-l">
        {t('pleadings')}
      </h2>
      {!memos.length && <p>{t('noPleadings')}</p>}
      {memos.map((m) => (
        <article key={m.id} className="panel" aria-labelledby={`memo-${m.id}`}>
          <h3 id={`memo-${m.id}`} className="heading-s">
            {t(`memoKind_${m.kind}`, { name: nameOf(m.partyId) })}
          </h3>
          <p className="hint">
            <DualDate value={m.createdAt} withTime />
          </p>
          <p className="pre-line">{m.body}</p>
          <Files files={m.attachments} />
        </article>
      ))}
      {c.attachments.length > 0 && (
        <>
          <h3 className="heading-m">{t('filingAttachments')}</h3>
          <Files files={c.attachments} />
        </>
      )}
    </section>
  );
}

/** Files to download by their signed links (docs/evidence.md); a file only described has none. */
export function Files({ files }: { files: File[] }) {
  const t = useT(caseMessages);
  const lang = useLang();
  if (!files.length) return null;
  return (
    <ul className="file-list" aria-label={t('attachments')}>
      {files.map((f) => (
        <li key={f.id}>
          {f.downloadLink ? (
            <a href={onThisSite(f.downloadLink)} download={f.fileName}>
              {t('download', { name: f.fileName })}
            </a>
          ) : (
            t('describedOnly', { name: f.fileName })
          )}{' '}
          <span className="hint">{t('sizeKb', { size: formatNumber(Math.max(1, Math.round(f.sizeBytes / 1024)), lang) })}</span>
        </li>
      ))}
    </ul>
  );
}
