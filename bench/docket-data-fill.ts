/**
 * The rows of the docket data set, made from the plan (bench/docket-data-plan.ts) in PostgreSQL itself: lawsuits,
 * their parties and hearings, then the judgments, the services of those judgments, the objections and the
 * case-number counters.
 */
import type { Client } from 'pg';
import { MEASURED_DAY, SLOT_MINUTES, type Step } from './docket-data-common';
import { COMPANY, FACTS, FAMILY, GIVEN, MINUTES, SUBJECTS } from './docket-data-vocabulary';

/** The three big tables, in as few statements as the constraints between them allow. */
export async function load(client: Client, step: Step): Promise<void> {
  const office = await client.query<{ id: string }>(`SELECT id FROM prosecution_offices ORDER BY code LIMIT 1`);
  const prosecutor = await client.query<{ id: string }>(`SELECT user_id AS id FROM memberships WHERE role = 'PROSECUTOR' LIMIT 1`);
  if (!office.rows[0] || !prosecutor.rows[0]) throw new Error('The seed made no prosecution office or prosecutor.');
  const subjects = JSON.stringify(SUBJECTS);
  const facts = JSON.stringify(FACTS);
  await client.query(
    `CREATE TEMP TABLE gen_citizen AS SELECT (row_number() OVER (ORDER BY national_id) - 1)::int AS i, id, national_id, name_ar, name_en
       FROM users WHERE national_id LIKE '18%'`,
  );
  const citizens = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM gen_citizen')).rows[0].n);
  await client.query('CREATE UNIQUE INDEX ON gen_citizen (i)');

  const fee = (a: string): string =>
    `LEAST(1000000, 0.05 * LEAST(${a}, 50000) + 0.04 * GREATEST(0, LEAST(${a}, 500000) - 50000)
       + 0.03 * GREATEST(0, LEAST(${a}, 5000000) - 500000) + 0.02 * GREATEST(0, ${a} - 5000000))`;
  await step(
    'lawsuits',
    `INSERT INTO lawsuits (id, court_id, circuit_id, category, subject, facts, sealed, state, filed_by, prosecution_office_id,
                           case_number, case_year, case_seq, claimed_amount, fee_amount, fee_exempt, return_reason, reject_reason,
                           submitted_at, registered_at, decided_at, closed_at, created_at, updated_at)
     SELECT id, court_id, CASE WHEN registered THEN circuit_id END, specialization, subject, facts, sealed, state, filed_by,
            CASE WHEN specialization = 'CRIMINAL' THEN $1::uuid END,
            CASE WHEN registered THEN case_year || '-' || court_code || '-' || lpad(case_seq::text, 6, '0') END,
            CASE WHEN registered THEN case_year END, case_seq, amount, CASE WHEN exempt THEN 0 ELSE round(${fee('amount')}, 2) END, exempt,
            CASE WHEN state = 'RETURNED' THEN 'يرجى إرفاق المستندات المؤيدة للمطالبة وتصحيح بيانات المدعى عليه' END,
            CASE WHEN state = 'REJECTED' THEN 'عدم اختصاص المحكمة بنظر الدعوى' END,
            submitted_at, registered_at, decided_at, closed_at, created_at,
            GREATEST(created_at, submitted_at, registered_at, decided_at, closed_at)
       FROM (
         SELECT g.*, g.registered_at IS NOT NULL AS registered,
                CASE WHEN g.registered_at IS NOT NULL
                     THEN row_number() OVER (PARTITION BY g.court_id, g.case_year, g.registered_at IS NOT NULL ORDER BY g.registered_at, g.n) END AS case_seq,
                CASE WHEN g.specialization = 'CRIMINAL' THEN $2::uuid ELSE fc.id END AS filed_by,
                g.specialization IN ('CRIMINAL','PERSONAL_STATUS') AS exempt,
                CASE WHEN g.specialization IN ('CRIMINAL','PERSONAL_STATUS') THEN 0
                     ELSE round((5000 + power(g.u_amount, 3) * 5000000)::numeric, 2) END AS amount,
                CASE g.specialization WHEN 'PERSONAL_STATUS' THEN g.u_seal < 0.2 WHEN 'CRIMINAL' THEN g.u_seal < 0.1 ELSE g.u_seal < 0.01 END AS sealed,
                ($3::jsonb -> g.specialization ->> floor(g.u_text * 4)::int) AS subject,
                ($4::jsonb ->> floor(g.u_text * 7)::int) || ' ' || ($4::jsonb ->> (floor(g.u_text * 7)::int + 2) % 7) || ' '
                  || ($4::jsonb ->> (floor(g.u_text * 7)::int + 3) % 7) || ' ' || ($4::jsonb ->> (floor(g.u_amount * 7)::int + 5) % 7) AS facts
           FROM gen_case g JOIN gen_citizen fc ON fc.i = (g.n::bigint * 7919) % ${citizens}
       ) x`,
    [office.rows[0].id, prosecutor.rows[0].id, subjects, facts],
  );

  // The filer stands as first claimant (the public prosecution in a criminal case); one or two defendants, or a
  // second claimant; companies among commercial and labour defendants.
  const given = [GIVEN.map((g) => g[0]), GIVEN.map((g) => g[1])];
  const family = [FAMILY.map((f) => f[0]), FAMILY.map((f) => f[1])];
  const company = [COMPANY.map((c) => c[0]), COMPANY.map((c) => c[1])];
  await step(
    'lawsuit_parties',
    `INSERT INTO lawsuit_parties (lawsuit_id, side, kind, user_id, national_id, organization_number, name_ar, name_en, created_at, updated_at)
     SELECT g.id, p.side, p.kind,
            CASE WHEN p.filer THEN fc.id END,
            CASE WHEN p.kind = 'PERSON' THEN CASE WHEN p.filer THEN fc.national_id
                                                  ELSE CASE WHEN p.r4 < 0.07 THEN '2' ELSE '1' END || lpad(floor(p.r5 * 1e9)::text, 9, '0') END END,
            CASE WHEN p.kind = 'ORGANIZATION' THEN '70' || lpad(floor(p.r5 * 1e8)::text, 8, '0') END,
            CASE WHEN p.prosecution THEN 'النيابة العامة' WHEN p.filer THEN fc.name_ar
                 WHEN p.kind = 'ORGANIZATION' THEN replace(($5::text[])[p.c], '%s', ($3::text[])[p.f])
                 ELSE ($1::text[])[p.g] || ' ' || ($1::text[])[1 + (p.g + p.f) % 10] || ' ' || ($3::text[])[p.f] END,
            CASE WHEN p.prosecution THEN 'Public Prosecution' WHEN p.filer THEN fc.name_en
                 WHEN p.kind = 'ORGANIZATION' THEN replace(($6::text[])[p.c], '%s', ($4::text[])[p.f])
                 ELSE ($2::text[])[p.g] || ' ' || ($2::text[])[1 + (p.g + p.f) % 10] || ' ' || ($4::text[])[p.f] END,
            g.created_at + p.pos * interval '1 millisecond', g.created_at + p.pos * interval '1 millisecond'
       FROM gen_case g JOIN gen_citizen fc ON fc.i = (g.n::bigint * 7919) % ${citizens}
       CROSS JOIN LATERAL (
         SELECT pos, r4, r5, 1 + floor(r1 * 20)::int AS g, 1 + floor(r2 * array_length($3::text[], 1))::int AS f,
                1 + floor(r3 * array_length($5::text[], 1))::int AS c,
                pos = 1 AND g.specialization <> 'CRIMINAL' AS filer, pos = 1 AND g.specialization = 'CRIMINAL' AS prosecution,
                CASE WHEN pos = 1 OR (pos = 3 AND r4 < 0.3) THEN 'CLAIMANT' ELSE 'DEFENDANT' END AS side,
                CASE WHEN pos = 1 AND g.specialization = 'CRIMINAL' THEN 'ORGANIZATION'
                     WHEN pos > 1 AND g.specialization = 'COMMERCIAL' AND r3 < 0.6 THEN 'ORGANIZATION'
                     WHEN pos > 1 AND g.specialization = 'LABOR' AND r3 < 0.8 THEN 'ORGANIZATION'
                     ELSE 'PERSON' END AS kind
           FROM generate_series(1, 2 + (g.u_parties < 0.5)::int) AS pos,
                LATERAL (SELECT random() + pos * 0 AS r1, random() + pos * 0 AS r2, random() + pos * 0 AS r3,
                                random() + pos * 0 AS r4, random() + pos * 0 AS r5) r
       ) p`,
    [...given, ...family, ...company],
  );

  // Hearings before the measured day were held (the last one always: it is the judgment's), postponed or cancelled;
  // from the measured day on they are scheduled.
  await step(
    'hearings',
    `INSERT INTO hearings (id, lawsuit_id, circuit_id, court_id, judge_id, starts_at, ends_at, mode, room, meeting_link, state,
                           postponement_reason, minutes, held_at, created_at, updated_at)
     SELECT h.id, g.id, g.circuit_id, g.court_id, g.judge_id, h.starts_at,
            h.starts_at + CASE WHEN h.u < 0.5 THEN interval '${SLOT_MINUTES} minutes' ELSE interval '15 minutes' END,
            x.mode, CASE WHEN x.mode = 'IN_PERSON' THEN 'قاعة ' || (1 + h.ci % 12) END,
            CASE WHEN x.mode = 'REMOTE' THEN 'https://meet.adl.localhost/h/' || h.id END,
            x.state,
            CASE WHEN x.state = 'POSTPONED' THEN 'طلب أحد الأطراف مهلة لتقديم مستندات إضافية'
                 WHEN x.state = 'CANCELLED' THEN 'تعذر انعقاد الجلسة لانشغال الدائرة' END,
            CASE WHEN x.state = 'HELD' THEN $1 END,
            CASE WHEN x.state = 'HELD' THEN h.starts_at END,
            x.created_at, CASE WHEN x.state = 'SCHEDULED' THEN x.created_at ELSE h.starts_at + interval '1 hour' END
       FROM gen_hearing h JOIN gen_case g USING (n)
       CROSS JOIN LATERAL (
         SELECT CASE WHEN (h.n + h.k) % 7 = 0 THEN 'REMOTE' ELSE 'IN_PERSON' END AS mode,
                CASE WHEN h.rel >= 0 THEN 'SCHEDULED' WHEN h.k = h.m - 1 OR h.u < 0.80 THEN 'HELD'
                     WHEN h.u < 0.92 THEN 'POSTPONED' ELSE 'CANCELLED' END AS state,
                LEAST(GREATEST(g.registered_at, h.starts_at - interval '40 days'), (('${MEASURED_DAY}'::date)::timestamp AT TIME ZONE 'Asia/Riyadh')) AS created_at
       ) x`,
    [MINUTES],
  );
}

/** Judgments of the decided lawsuits (at their last hearing), objections to the appeal courts, and the case-number counters. */
export async function outcomes(client: Client, step: Step): Promise<void> {
  await step(
    'judgments',
    `INSERT INTO judgments (lawsuit_id, hearing_id, judge_id, ruling, summary, reasoning, amount_awarded, in_favour_of, urgent,
                            issued_at, notified_at, objection_deadline, final_at, created_at, updated_at)
     SELECT g.id, g.last_id, g.judge_id,
            'حكمت الدائرة بإلزام المدعى عليه بأداء المبلغ المحكوم به للمدعي',
            'قبول الدعوى جزئياً',
            'وحيث إن المدعي قدم ما يثبت دعواه من مستندات لم يطعن فيها المدعى عليه بمطعن مقبول، فإن الدائرة تنتهي إلى ما ورد في منطوق الحكم.',
            CASE WHEN g.specialization IN ('CIVIL','COMMERCIAL','LABOR') THEN round((1000 + g.u_amount * 100000)::numeric, 2) END,
            CASE WHEN g.u_time < 0.65 THEN 'CLAIMANT' ELSE 'DEFENDANT' END, false,
            g.decided_at, g.decided_at + interval '1 day', g.decided_at + interval '31 days',
            CASE WHEN g.state IN ('FINAL','EXECUTION_REQUESTED','CLOSED','APPEAL_DECIDED') THEN g.decided_at + interval '32 days' END,
            g.decided_at, g.decided_at + interval '1 day'
       FROM gen_case g WHERE g.decided_at IS NOT NULL`,
  );
  // Every party served the day after the judgment (as the judgments' notified_at says), long since reminded.
  await step(
    'judgment_party_services',
    `INSERT INTO judgment_party_services (judgment_id, party_id, national_id, served_at, objection_deadline, reminded_at, created_at, updated_at)
     SELECT j.id, p.id, coalesce(p.national_id, r.national_id), j.notified_at, j.objection_deadline, j.objection_deadline - interval '3 days',
            j.notified_at, j.notified_at
       FROM judgments j JOIN lawsuit_parties p ON p.lawsuit_id = j.lawsuit_id LEFT JOIN users r ON r.id = p.representative_id
      WHERE coalesce(p.national_id, r.national_id) IS NOT NULL`,
  );
  await client.query(
    `CREATE TEMP TABLE gen_appeal AS
     SELECT (row_number() OVER (ORDER BY co.code) - 1)::int AS i, co.id AS court_id,
            (SELECT m.user_id FROM memberships m JOIN circuits c ON c.id = m.circuit_id
              WHERE c.court_id = co.id AND m.role = 'JUDGE' ORDER BY c.code LIMIT 1) AS judge_id
       FROM courts co WHERE co.type = 'APPEAL'`,
  );
  const appeals = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM gen_appeal')).rows[0].n);
  await step(
    'objections',
    `INSERT INTO objections (judgment_id, lawsuit_id, party_id, filed_by, reasons, appeal_court_id, decision, decision_reasoning,
                             decided_by, decided_at, created_at, updated_at)
     SELECT j.id, g.id, p.id, l.filed_by, 'يعترض المعترض على الحكم لمخالفته الثابت بالأوراق وللقصور في التسبيب', a.court_id,
            CASE WHEN g.state = 'APPEAL_DECIDED' THEN (ARRAY['UPHOLD','UPHOLD','AMEND','OVERTURN'])[1 + floor(g.u_amount * 4)::int] END,
            CASE WHEN g.state = 'APPEAL_DECIDED' THEN 'بعد الاطلاع على الحكم وأسبابه وما قدمه الأطراف تقرر الدائرة ما ورد في المنطوق' END,
            CASE WHEN g.state = 'APPEAL_DECIDED' THEN a.judge_id END,
            CASE WHEN g.state = 'APPEAL_DECIDED' THEN g.decided_at + interval '30 days' END,
            g.decided_at + interval '20 days', g.decided_at + interval '20 days'
       FROM gen_case g JOIN judgments j ON j.lawsuit_id = g.id JOIN lawsuits l ON l.id = g.id
       JOIN gen_appeal a ON a.i = g.n % ${appeals}
       CROSS JOIN LATERAL (
         SELECT lp.id FROM lawsuit_parties lp
          WHERE lp.lawsuit_id = g.id AND lp.side = CASE j.in_favour_of WHEN 'CLAIMANT' THEN 'DEFENDANT' ELSE 'CLAIMANT' END
          ORDER BY lp.created_at LIMIT 1
       ) p
      WHERE g.state IN ('OBJECTED','APPEAL_DECIDED')`,
  );
  await step(
    'case_number_counters',
    `INSERT INTO case_number_counters (court_id, hijri_year, last_seq)
     SELECT court_id, case_year, max(case_seq) FROM lawsuits WHERE case_seq IS NOT NULL GROUP BY court_id, case_year
     ON CONFLICT (court_id, hijri_year) DO UPDATE SET last_seq = GREATEST(case_number_counters.last_seq, EXCLUDED.last_seq)`,
  );
}
