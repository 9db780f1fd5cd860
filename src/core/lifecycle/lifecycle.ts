/**
 * Lifecycles as data, and the one engine that moves them. A lifecycle declares its states, the
 * states it starts in, and per event: the states it may happen in, the state it leads to (none:
 * an act that keeps the state, such as a memo or a signature), the ability the actor needs, the
 * guards beyond the state (each with its refusal), and its effects. Services never assign a state
 * nor refuse a move themselves: they ask the lifecycle, which answers the next state or refuses
 * with INVALID_TRANSITION and the transition's own words; `run` writes, audits and applies the
 * effects of a move inside the caller's transaction.
 *
 * Every lifecycle registers itself (LIFECYCLES), so that a test walks them all (each state is
 * reachable, each state that is not final has a way out) and docs/lifecycles.md is generated from them.
 */
import type { WorkContext } from '../context/work-context';
import { InvalidTransitionError } from '../errors/domain-error';
import { ERRORS } from '../i18n/core-messages';
import type { Text } from '../i18n/messages';

/** A condition beyond the state, over the facts the caller gathered; `refusal` says why when it fails. */
export interface Guard<F> {
  name: string;
  holds: (facts: F) => boolean;
  refusal: Text | ((facts: F) => Text);
  /** What the refusal carries beyond its words, for clients that show it (the parties still to sign…). */
  details?: (facts: F) => Record<string, unknown>;
}

export interface Transition<S extends string, F> {
  from: readonly S[];
  /** The state after the event; omitted, the state stays (an act recorded beside it). */
  to?: S;
  /** The CASL action the actor needs on the subject (checked by the wing's authorization before the move). */
  ability?: string;
  /** Why the event is refused from a state not in `from`; by default "<Name> cannot <event> from state <S>." */
  refusal?: (from: S) => Text;
  guards?: readonly Guard<F>[];
  /** What follows the move, in words, for the documentation: notices, documents. */
  effects?: readonly string[];
  /** The audit event's action; by default `<auditPrefix>.<event>`. */
  audit?: string;
}

export interface LifecycleSpec<S extends string, E extends string, F> {
  /** The subject's name, as in audit events and errors (Lawsuit, Hearing…). */
  name: string;
  /** The subject in Arabic, for the default refusal (الدعوى, الجلسة…). */
  nameAr: string;
  states: readonly S[];
  /** The states a subject is created in. */
  initial: readonly S[];
  /** The states that end it: no event leads out of them, and every other state has a way out. */
  final: readonly S[];
  transitions: Record<E, Transition<S, F>>;
  /** One line for the documentation. */
  description: string;
  /** The first word of its audit events' actions (lawsuit, poa…). */
  auditPrefix: string;
}

/** Every lifecycle of the application, in the order they were declared. */
export const LIFECYCLES: Lifecycle<string, string, never>[] = [];

export class Lifecycle<S extends string, E extends string, F = Record<string, never>> {
  constructor(readonly spec: LifecycleSpec<S, E, F>) {
    LIFECYCLES.push(this as unknown as Lifecycle<string, string, never>);
  }

  get name(): string {
    return this.spec.name;
  }

  /** The state after `event` from `from`, or INVALID_TRANSITION: the state first, then each guard over `facts`. */
  next(from: S, event: E, facts?: F): S {
    const rule = this.spec.transitions[event];
    if (!rule || !rule.from.includes(from)) {
      const refusal = rule?.refusal?.(from) ?? ERRORS.invalidTransition({ machine: { ar: this.spec.nameAr, en: this.name }, from, event });
      throw new InvalidTransitionError(this.name, from, event, refusal);
    }
    // A guard judges the facts it was given; none given, it judges an empty set (and fails closed).
    const known = (facts ?? {}) as F;
    for (const guard of rule.guards ?? []) {
      if (!guard.holds(known)) {
        const text = typeof guard.refusal === 'function' ? guard.refusal(known) : guard.refusal;
        throw new InvalidTransitionError(this.name, from, event, text, guard.name, guard.details?.(known));
      }
    }
    return rule.to ?? from;
  }

  /** Whether the event may happen now (state and guards), without refusing. */
  can(from: S, event: E, facts?: F): boolean {
    const rule = this.spec.transitions[event];
    return !!rule && rule.from.includes(from) && (rule.guards ?? []).every((g) => g.holds((facts ?? {}) as F));
  }

  /** Events allowed from `state` by the table (guards aside), for clients that show the next steps. */
  eventsFrom(state: S): E[] {
    return this.events().filter((e) => this.spec.transitions[e].from.includes(state));
  }

  events(): E[] {
    return Object.keys(this.spec.transitions) as E[];
  }

  /** States no event leads out of. */
  finalStates(): S[] {
    return this.spec.states.filter(
      (s) => !this.events().some((e) => this.spec.transitions[e].from.includes(s) && (this.spec.transitions[e].to ?? s) !== s),
    );
  }

  /** States reachable from the initial ones. */
  reachable(): Set<S> {
    const seen = new Set<S>(this.spec.initial);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of this.events()) {
        const t = this.spec.transitions[e];
        const to = t.to;
        if (to && !seen.has(to) && t.from.some((s) => seen.has(s))) {
          seen.add(to);
          grew = true;
        }
      }
    }
    return seen;
  }
}

/** How a wing writes and describes one of its subjects, for `run`. */
export interface LifecycleStore<T, S extends string> {
  /** The state the subject is in now (`tx.now()`: a state can lapse with time before a sweep writes it). */
  stateOf(subject: T, tx: WorkContext): S;
  idOf(subject: T): string;
  /** Writes the change at the subject's version and answers the subject as written. */
  write(tx: WorkContext, subject: T, change: Partial<T>): Promise<T>;
  /** What the audit event keeps of the subject, before and after. */
  snapshot(subject: T): Record<string, unknown>;
  /** Whose history the move belongs to, when not the subject's own (a waiver is part of its case's). */
  auditSubject?(subject: T): { type: string; id: string };
}

export interface Move<T, S extends string, F> {
  patch?: Partial<T>;
  /** The state the move starts from when it is not the store's (a sweep ends what has lapsed as stored). */
  from?: S;
  facts?: F;
  /** Added to the audit event's `after`. */
  audit?: Record<string, unknown>;
  /** The effects of the move (notices, documents), run after it is written and audited, in the same transaction. */
  effects?: (written: T) => Promise<void>;
}

/**
 * Moves `subject` through `event` inside the caller's transaction: the lifecycle decides the next
 * state (or refuses), the store writes it with `patch`, the audit trail records `<name>.<event>`
 * with the subject before and after, and the effects follow. The one routine for every lifecycle.
 */
export async function run<T, S extends string, E extends string, F>(
  tx: WorkContext,
  lifecycle: Lifecycle<S, E, F>,
  store: LifecycleStore<T, S>,
  subject: T,
  event: E,
  move: Move<T, S, F> = {},
): Promise<T> {
  const state = lifecycle.next(move.from ?? store.stateOf(subject, tx), event, move.facts);
  const change = { ...move.patch, state } as unknown as Partial<T>;
  const written = await store.write(tx, subject, change);
  const whose = store.auditSubject?.(subject) ?? { type: lifecycle.name, id: store.idOf(subject) };
  tx.audit({
    action: lifecycle.spec.transitions[event].audit ?? `${lifecycle.spec.auditPrefix}.${event}`,
    subjectType: whose.type,
    subjectId: whose.id,
    before: store.snapshot(subject),
    after: { ...store.snapshot({ ...subject, ...change }), ...move.audit },
  });
  await move.effects?.(written);
  return written;
}
