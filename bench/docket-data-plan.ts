/**
 * The first steps of the docket data set's generation: the organizations (courts to forty, a judge per circuit, the
 * citizens who file), then the plan in temporary tables: which circuit hears each lawsuit, when its hearings fall on
 * the circuit's grid of slots, and from them the lawsuit's dates and state.
 */
import type { Client } from 'pg';
import {
  CITIZENS,
  type DatasetSpec,
  JUDGE_CIRCUIT,
  JUDGE_HEARINGS_PER_DAY,
  MEASURED_DAY,
  PAST_SHARE,
  SLOT_MINUTES,
  SLOTS_PER_DAY,
  type Step,
} from './docket-data-common';
import { benchCourts, FAMILY, GIVEN, hijriYearStarts } from './docket-data-vocabulary';

/** Courts to forty, a judge in every circuit that has none, and the citizens who file. */
export async function organizations(client: Client, step: Step): Promise<void> {
  const courts = benchCourts();
  await step(
    'courts',
    `INSERT INTO courts (code, name_ar, name_en, type, city)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [
      courts.map((c) => c.code),
      courts.map((c) => c.nameAr),
      courts.map((c) => c.nameEn),
      courts.map((c) => c.type),
      courts.map((c) => c.city),
    ],
  );
  const circuits = courts.flatMap((c) => c.circuits.map((ci) => [c.code, ...ci]));
  await step(
    'circuits',
    `INSERT INTO circuits (court_id, code, name_ar, name_en, specialization)
     SELECT co.id, x.code, x.name_ar, x.name_en, x.spec
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(court, code, name_ar, name_en, spec)
       JOIN courts co ON co.code = x.court`,
    [0, 1, 2, 3, 4].map((i) => circuits.map((row) => row[i])),
  );
  const names = [GIVEN.map((g) => g[0]), GIVEN.map((g) => g[1]), FAMILY.map((f) => f[0]), FAMILY.map((f) => f[1])];
  await step(
    'judges (one per circuit without one)',
    `WITH need AS (
       SELECT c.id AS circuit_id, c.court_id, row_number() OVER (ORDER BY co.code, c.code)::int AS i
         FROM circuits c JOIN courts co ON co.id = c.court_id
        WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.circuit_id = c.id AND m.role = 'JUDGE')
     ), people AS (
       SELECT need.*, '17' || lpad(i::text, 8, '0') AS national_id,
              1 + (i * 7) % 10 AS g, 1 + (i * 11) % array_length($3::text[], 1) AS f
         FROM need
     ), created AS (
       INSERT INTO users (national_id, name_ar, name_en, password_hash, roles)
       SELECT national_id, 'القاضي ' || ($1::text[])[g] || ' ' || ($3::text[])[f], 'Judge ' || ($2::text[])[g] || ' ' || ($4::text[])[f],
              'bench-user-without-password', '{CITIZEN,JUDGE}'
         FROM people
       RETURNING id, national_id
     )
     INSERT INTO memberships (user_id, role, court_id, circuit_id)
     SELECT created.id, 'JUDGE', people.court_id, people.circuit_id FROM people JOIN created USING (national_id)`,
    names,
  );
  await step(
    'citizens',
    `INSERT INTO users (national_id, name_ar, name_en, password_hash, roles)
     SELECT '18' || lpad(i::text, 8, '0'), ($1::text[])[g] || ' ' || ($1::text[])[1 + (g + i) % 10] || ' ' || ($3::text[])[f],
            ($2::text[])[g] || ' ' || ($2::text[])[1 + (g + i) % 10] || ' ' || ($4::text[])[f], 'bench-user-without-password', '{CITIZEN}'
       FROM (SELECT i, 1 + floor(random() * 20)::int AS g, 1 + floor(random() * array_length($3::text[], 1))::int AS f
               FROM generate_series(1, ${CITIZENS}) i) s`,
    names,
  );
}

/**
 * The plan, in temporary tables: which circuit hears each lawsuit, how many hearings it has and when (each circuit's
 * hearings ordered by when their lawsuits want them, then given the circuit's slots in that order), and from the
 * hearings the lawsuit's dates and state.
 */
export async function plan(client: Client, spec: DatasetSpec, step: Step): Promise<void> {
  const measuredAt = `(('${MEASURED_DAY}'::date + time '08:00')::timestamp AT TIME ZONE 'Asia/Riyadh')`;
  await step(
    'plan: working days',
    `CREATE TEMP TABLE gen_day AS
     WITH days AS (
       SELECT d::date AS day FROM generate_series('${MEASURED_DAY}'::date - 8000, '${MEASURED_DAY}'::date + 4000, interval '1 day') AS d
        WHERE extract(isodow FROM d) NOT IN (5, 6)
          AND NOT EXISTS (SELECT 1 FROM court_holidays h WHERE h.court_id IS NULL AND d::date BETWEEN h.starts_on AND h.ends_on)
     )
     SELECT (row_number() OVER (ORDER BY day) - 1 - (SELECT count(*) FROM days WHERE day < '${MEASURED_DAY}'))::int AS rel, day FROM days`,
  );
  const measured = await client.query(`SELECT 1 FROM gen_day WHERE rel = 0 AND day = $1::date`, [MEASURED_DAY]);
  if (measured.rowCount !== 1) throw new Error(`${MEASURED_DAY} is not a working day.`);
  await client.query('CREATE UNIQUE INDEX ON gen_day (rel)');

  await step(
    'plan: circuits',
    `CREATE TEMP TABLE gen_circuit AS
     SELECT (row_number() OVER w - 1)::int AS ci, c.id AS circuit_id, c.court_id, co.code AS court_code, c.specialization, j.user_id AS judge_id,
            CASE WHEN co.code = $1 AND c.code = $2 THEN $3::int ELSE 12 + ((row_number() OVER w)::int * 5) % 9 END AS per_day
       FROM circuits c JOIN courts co ON co.id = c.court_id
       CROSS JOIN LATERAL (SELECT m.user_id FROM memberships m WHERE m.circuit_id = c.id AND m.role = 'JUDGE'
                            ORDER BY m.created_at, m.id LIMIT 1) j
      WHERE c.active AND c.specialization IN ('CIVIL','COMMERCIAL','LABOR','PERSONAL_STATUS','CRIMINAL')
     WINDOW w AS (ORDER BY co.code, c.code)`,
    [JUDGE_CIRCUIT.court, JUDGE_CIRCUIT.circuit, JUDGE_HEARINGS_PER_DAY],
  );
  const circuitCount = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM gen_circuit')).rows[0].n);
  const n = spec.lawsuits;

  // ~10 % of lawsuits never reach a hearing; the others have 1 to 6 (mean 3.33): ~3 a lawsuit overall.
  await step(
    'plan: lawsuits',
    `CREATE TEMP TABLE gen_lawsuit AS
     SELECT n, gen_random_uuid() AS id, ((n - 1) % ${circuitCount})::int AS ci, ((n - 1) / ${circuitCount})::int AS j,
            CASE WHEN r1 < 0.10 THEN 0 ELSE 1 + floor(r2 * 5)::int + (r3 < 0.33)::int END AS m,
            random() AS u_state, random() AS u_time, random() AS u_seal, random() AS u_amount, random() AS u_parties, random() AS u_text
       FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, ${n}) AS n) s`,
  );
  // Hearing k of the j-th lawsuit of a circuit wants to come about 150–250 lawsuits' worth of hearings after its
  // previous one (~5–8 weeks); the circuit's hearings in that order take its slots, per_day a day, and the measured
  // day falls at PAST_SHARE of the circuit's history.
  await step(
    'plan: hearings',
    `CREATE TEMP TABLE gen_hearing AS
     WITH wanted AS (
       SELECT l.n, l.ci, l.m, k, l.j + k * (150 + random() * 100) + random() AS want
         FROM gen_lawsuit l CROSS JOIN LATERAL generate_series(0, l.m - 1) AS k
     ), ranked AS (
       SELECT wanted.*, row_number() OVER (PARTITION BY ci ORDER BY want, n, k) - 1 AS r, count(*) OVER (PARTITION BY ci) AS total
         FROM wanted
     ), placed AS (
       SELECT ranked.n, ranked.ci, ranked.m, ranked.k, s.slot,
              (s.slot / ${SLOTS_PER_DAY} - floor(${PAST_SHARE} * ranked.total / c.per_day))::int AS rel
         FROM ranked JOIN gen_circuit c USING (ci)
         CROSS JOIN LATERAL (SELECT floor(ranked.r * ${SLOTS_PER_DAY}.0 / c.per_day)::int AS slot) s
     )
     SELECT gen_random_uuid() AS id, p.n, p.ci, p.m, p.k, p.rel,
            ((d.day + time '08:00' + (p.slot % ${SLOTS_PER_DAY}) * interval '${SLOT_MINUTES} minutes')::timestamp AT TIME ZONE 'Asia/Riyadh') AS starts_at,
            random() AS u
       FROM placed p JOIN gen_day d ON d.rel = p.rel`,
  );
  const check = await client.query<{ planned: string; placed: string }>(
    `SELECT (SELECT sum(m) FROM gen_lawsuit) AS planned, (SELECT count(*) FROM gen_hearing) AS placed`,
  );
  if (check.rows[0].planned !== check.rows[0].placed) {
    throw new Error(`Only ${check.rows[0].placed} of ${check.rows[0].planned} hearings fell within the working-day calendar.`);
  }
  await step(
    'plan: hearing span of each lawsuit',
    `CREATE TEMP TABLE gen_span AS
     SELECT DISTINCT ON (n) n, id AS last_id, starts_at AS last_at, min(starts_at) OVER (PARTITION BY n) AS first_at
       FROM gen_hearing ORDER BY n, k DESC`,
  );
  // Dates follow the hearings (registered 1–5 weeks before the first one, submitted and drafted just before), never
  // after the measured day; the state follows from whether hearings remain, and a judgment less than 40 days old is
  // neither final nor objected to yet.
  const { years, starts } = hijriYearStarts();
  await step(
    'plan: dates and states',
    `CREATE TEMP TABLE gen_case AS
     WITH base AS (
       SELECT l.*, c.circuit_id, c.court_id, c.court_code, c.specialization, c.judge_id, s.first_at, s.last_at, s.last_id,
              LEAST(${measuredAt} + ((l.j + 0.5) / ceil((${n} - l.ci)::float8 / ${circuitCount}) - ${PAST_SHARE})
                      * (3.0 * ceil((${n} - l.ci)::float8 / ${circuitCount}) / c.per_day) * 1.4 * interval '1 day',
                    ${measuredAt} - l.u_time * interval '30 days') AS t0
         FROM gen_lawsuit l JOIN gen_circuit c USING (ci) LEFT JOIN gen_span s USING (n)
     ), state AS (
       SELECT base.*, CASE
           WHEN m > 0 AND last_at >= ${measuredAt} THEN 'IN_HEARINGS'
           WHEN m > 0 AND last_at > ${measuredAt} - interval '20 days' AND n % 2 = 0 THEN 'IN_HEARINGS'
           WHEN m > 0 THEN CASE
             WHEN u_state < 0.67 AND last_at > ${measuredAt} - interval '40 days' THEN 'JUDGMENT_ISSUED'
             WHEN u_state < 0.30 THEN 'FINAL' WHEN u_state < 0.42 THEN 'CLOSED' WHEN u_state < 0.50 THEN 'JUDGMENT_ISSUED'
             WHEN u_state < 0.56 THEN 'OBJECTED' WHEN u_state < 0.62 THEN 'APPEAL_DECIDED' WHEN u_state < 0.67 THEN 'EXECUTION_REQUESTED'
             WHEN u_state < 0.80 THEN 'SETTLED' WHEN u_state < 0.90 THEN 'WITHDRAWN' ELSE 'STRUCK_OFF' END
           WHEN t0 > ${measuredAt} - interval '45 days' THEN CASE
             WHEN u_state < 0.25 THEN 'DRAFT' WHEN u_state < 0.50 THEN 'SUBMITTED' WHEN u_state < 0.60 THEN 'RETURNED' ELSE 'REGISTERED' END
           ELSE CASE WHEN u_state < 0.4 THEN 'REJECTED' ELSE 'WITHDRAWN' END
         END AS state
         FROM base
     ), registered AS (
       SELECT state.*, CASE
           WHEN m > 0 THEN LEAST(first_at - (7 + u_time * 30) * interval '1 day', ${measuredAt} - (1 + u_time * 20) * interval '1 day')
           WHEN state = 'REGISTERED' THEN t0 END AS registered_at
         FROM state
     ), submitted AS (
       SELECT registered.*, CASE WHEN state <> 'DRAFT' THEN COALESCE(registered_at, t0) - (1 + u_time * 4) * interval '1 day' END AS submitted_at
         FROM registered
     )
     SELECT submitted.*,
            COALESCE(submitted_at, t0) - u_text * interval '3 days' AS created_at,
            CASE WHEN state IN ('JUDGMENT_ISSUED','OBJECTED','APPEAL_DECIDED','FINAL','EXECUTION_REQUESTED','CLOSED')
                 THEN last_at + interval '${SLOT_MINUTES} minutes' END AS decided_at,
            CASE WHEN state = 'CLOSED' THEN LEAST(last_at + interval '40 days', ${measuredAt} - interval '1 hour')
                 WHEN state IN ('SETTLED','WITHDRAWN','STRUCK_OFF') AND m > 0 THEN LEAST(last_at + interval '1 day', ${measuredAt} - interval '1 hour')
                 WHEN state IN ('REJECTED','WITHDRAWN') THEN t0 + interval '2 days' END AS closed_at,
            ($1::int[])[width_bucket(registered_at, $2::timestamptz[])] AS case_year
       FROM submitted`,
    [years, starts],
  );
}
