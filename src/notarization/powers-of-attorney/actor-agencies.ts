/**
 * What the notarization wing adds to every actor: the powers of attorney under which they are an
 * agent, with the litigation powers in force now and those granted but ended (revoked, expired,
 * withdrawn), read in the same statement as the actor.
 */
import { defineActorFacet } from '../../identity';

defineActorFacet({
  key: 'agencies',
  sql: `(SELECT COALESCE(json_agg(ag), '[]') FROM (
                 SELECT p.id AS "poaId", pr.national_id AS "principalNationalId",
                        COALESCE(array_agg(pw.code) FILTER (WHERE live.ok AND pw.revoked_at IS NULL), '{}') AS powers,
                        COALESCE(array_agg(pw.code) FILTER (WHERE NOT (live.ok AND pw.revoked_at IS NULL)), '{}') AS "endedPowers"
                   FROM poa_agents a
                   JOIN powers_of_attorney p ON p.id = a.poa_id AND p.state NOT IN ('DRAFT', 'LAPSED')
                   JOIN poa_principals pr ON pr.poa_id = p.id
                   JOIN poa_powers pw ON pw.poa_id = p.id AND pw.code LIKE 'LIT\\_%'
                   CROSS JOIN LATERAL (SELECT p.state = 'ACTIVE' AND a.state = 'ACTIVE'
                                              AND p.valid_from <= $2 AND p.valid_to > $2 AS ok) live
                  WHERE a.national_id = u.national_id
                  GROUP BY p.id, pr.national_id) ag)`,
});
