/**
 * Lifecycles as data: a table of allowed transitions per event, and one function that applies
 * an event to a state. Services never assign a state themselves; they ask the machine, which
 * refuses an illegal move with INVALID_TRANSITION.
 */
import { InvalidTransitionError } from '../errors/domain-error';

export type TransitionTable<S extends string, E extends string> = Record<E, { from: readonly S[]; to: S }>;

export class StateMachine<S extends string, E extends string> {
  constructor(
    readonly name: string,
    private readonly table: TransitionTable<S, E>,
  ) {}

  /** The state after `event`, or INVALID_TRANSITION. */
  next(from: S, event: E): S {
    const rule = this.table[event];
    if (!rule || !rule.from.includes(from)) throw new InvalidTransitionError(this.name, from, event);
    return rule.to;
  }

  can(from: S, event: E): boolean {
    return this.table[event]?.from.includes(from) ?? false;
  }

  /** Events allowed from `state` (for clients that show the next possible steps). */
  eventsFrom(state: S): E[] {
    return (Object.keys(this.table) as E[]).filter((e) => this.table[e].from.includes(state));
  }
}
