/**
 * The two tables the workflow access specs run over their operations: every caller against each
 * operation on a case in the state it needs, and the refused callers again on cases where the
 * operation is illegal (a refused caller learns nothing about the state).
 */
import type { GqlResponse } from '../harness';
import {
  Case,
  Caller,
  CALLERS,
  Data,
  DOC,
  Fixture,
  fx,
  gqlAs,
  NO_CASE,
  OperationName,
  SEEN_OF,
  SIGNED_IN,
  SignedIn,
  Vars,
} from './workflow-access';

export interface Operation {
  name: OperationName;
  /** What the attempt does, for the test name. */
  does: string;
  /** A public read: everyone succeeds. */
  public?: true;
  /** Who holds any rule for the operation; the others are refused before any case is looked at. All signed-in by default. */
  rule?: SignedIn[];
  /** Who succeeds. */
  may: SignedIn[];
  /** The shared case refused callers try (none: the operation is about no case, and every refusal is FORBIDDEN). */
  target?: Fixture;
  /** A fresh case for a caller who must succeed, where success changes the case. */
  fresh?: () => Promise<Case>;
  /** The variables of one attempt on case `c` (setting the clock when the operation depends on it). */
  vars: (c: Case, who: Caller) => Vars | Promise<Vars>;
  check?: (result: any, who: SignedIn, c: Case) => void | Promise<void>;
  /** Cases in a state where the operation is illegal: refused callers must be refused there just the same. */
  wrongState?: Fixture[];
}

export const lawsuitId = (c: Case): Vars => ({ id: c.id });
/** A draft (never filed), a rejected filing, a case whose execution was requested: the operations below are illegal in these states. */
export const ILLEGAL_STATES: Fixture[] = ['draft', 'rejected', 'executed'];

type Outcome = 'succeeds' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** How `who` is refused `op` on the `target` case (or 'succeeds' for a public read). */
function refusal(op: Operation, who: Caller, target: Fixture | undefined): Outcome {
  if (op.public) return 'succeeds';
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  if (op.rule && !op.rule.includes(who)) return 'FORBIDDEN';
  return !target || SEEN_OF[target].includes(who) ? 'FORBIDDEN' : 'NOT_FOUND';
}

function expectedOutcome(op: Operation, who: Caller): Outcome {
  if (who !== 'anonymous' && op.may.includes(who)) return 'succeeds';
  return refusal(op, who, op.target);
}

/** Asserts the outcome of one attempt: the data checked on success, or exactly the expected error code and no data. */
async function expectOutcome(res: GqlResponse<Data>, field: string, outcome: Outcome, check?: (result: any) => void | Promise<void>) {
  if (outcome === 'succeeds') {
    expect(res.errors).toBeUndefined();
    await check?.(res.data![field]);
  } else {
    expect(res.errors?.map((e) => e.extensions.code)).toEqual([outcome]);
    expect(res.data?.[field] ?? null).toBeNull();
  }
}

/** Declares both tables for `OPERATIONS`. */
export function everyCallerAgainst(OPERATIONS: Operation[]): void {
  describe('every caller against every workflow operation, on a case in the state the operation needs', () => {
    const matrix = OPERATIONS.flatMap((op) =>
      (Object.keys(CALLERS) as Caller[]).map((who) => ({ name: op.name, op, who, role: CALLERS[who], outcome: expectedOutcome(op, who) })),
    );

    it.each(matrix)('$name ($op.does) as $role: $outcome', async ({ op, who, outcome }) => {
      const c = outcome === 'succeeds' && op.fresh ? { ...(await op.fresh()), fresh: true } : op.target ? fx[op.target] : NO_CASE;
      const res = await gqlAs(who, DOC[op.name], await op.vars(c, who));
      await expectOutcome(res, op.name, outcome, (r) => op.check?.(r, who as SignedIn, c));
    });
  });

  describe('a refused caller is refused alike on a case where the operation is illegal (the state is not revealed)', () => {
    const cases = OPERATIONS.flatMap((op) =>
      (op.wrongState ?? []).flatMap((target) =>
        SIGNED_IN.filter((who) => (!op.rule || op.rule.includes(who)) && !(op.may.includes(who) && SEEN_OF[target].includes(who))).map(
          (who) => ({
            name: op.name,
            op,
            who,
            role: CALLERS[who],
            target,
            outcome: refusal(op, who, target),
          }),
        ),
      ),
    );

    // Left out: callers holding no rule for the operation (refused before any case is looked at, as in the
    // table above), and those who may act and see the case (rightly told why the state forbids it).
    it.each(cases)('$name on the $target case as $role: $outcome', async ({ op, who, target, outcome }) => {
      const res = await gqlAs(who, DOC[op.name], await op.vars(fx[target], who));
      await expectOutcome(res, op.name, outcome);
    });
  });
}
