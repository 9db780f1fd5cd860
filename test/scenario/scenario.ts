/**
 * A scenario reaches any state of a lifecycle in one readable chain, through the real services:
 *
 *   const s = await scenario(app).court('RYD-GEN').lawsuit({ amount: 80000 }).hearingHeld().judgmentIssued().final();
 *   s.lawsuitId; s.judgmentId; s.actors.claimant.token; await s.actors.defendant.ctx();
 *
 * Each step names a stage and runs every earlier stage it needs that has not run yet (`.final()`
 * alone files, registers, hears, judges, serves and lets the windows pass); a stage reached once is
 * not run again, so the awaited scenario can be taken further (`await s.objected()`). Steps are
 * queued by the chain and run, in order, when it is awaited. `app` is any application context of
 * the project: the medium tier's, or an end-to-end spec's `t.app` (which keeps HTTP for the
 * operation it tests, and reaches its starting state here).
 */
import type { Contract } from '../../src/notarization/contracts/contract.entity';
import type { IssuedPowerOfAttorney } from '../../src/notarization/powers-of-attorney/poa.models';
import type { Hearing } from '../../src/litigation/hearings/hearing.entity';
import { HearingConflictError } from '../../src/litigation/hearings/hearings.service';
import { workingSlot } from '../factories/courts';
import { clerkOf, type ScenarioCourt } from './courts';
import { Host, ScenarioApp, ScenarioOptions } from './host';
import { actingJudge, HearingOptions, holdHearing, HoldOptions, scheduleHearing, serve, ServedOptions } from './case-acts';
import { AppealOptions, CourtSpec, JudgmentOptions, LawsuitOptions, LITIGATION_STEPS, ObjectionOptions } from './litigation';
import { ContractOptions, DocumentOptions, NOTARIZATION_STEPS, PoaOptions, RevokeOptions, SignedOptions } from './notarization';
import { Person, type PersonSpec } from './people';
import type { StepDef, StepName } from './steps';

const STEPS: Record<StepName, StepDef> = { ...LITIGATION_STEPS, ...NOTARIZATION_STEPS };

type Who = PersonSpec | Person;

export interface Actors {
  claimant: Person;
  /** Who filed the case and submits it: the claimant, or their agent. */
  filer: Person;
  defendant: Person;
  principal: Person;
  agent: Person;
  seller: Person;
  buyer: Person;
  /** Who drafted the contract: its seller, or the office's notary. */
  drafter: Person;
}

/** The steps, on the scenario and on a chain of it alike. */
abstract class Steps {
  protected abstract want(step: StepName, options?: unknown): Chain;

  /** A seeded court by code, a court a spec made (courtWithStaff), or by default a court of the app's own. */
  court(spec?: CourtSpec) {
    return this.want('court', spec);
  }
  claimant(who?: Who) {
    return this.want('claimant', who);
  }
  defendant(who?: Who) {
    return this.want('defendant', who);
  }
  /** Filed (a draft) by the claimant, or with `byAgent` by the agent of a power of attorney the claimant gave. */
  lawsuit(options?: LawsuitOptions) {
    return this.want('lawsuit', options);
  }
  submitted() {
    return this.want('submitted');
  }
  returned(reason?: string) {
    return this.want('returned', reason);
  }
  rejected(reason?: string) {
    return this.want('rejected', reason);
  }
  registered() {
    return this.want('registered');
  }
  /** The defendant's statement of defence. */
  defended(body?: string) {
    return this.want('defended', body);
  }
  hearingScheduled(options?: HearingOptions) {
    return this.want('hearingScheduled', options);
  }
  hearingPostponed(options?: HearingOptions & { reason?: string }) {
    return this.want('hearingPostponed', options);
  }
  hearingCancelled(reason?: string) {
    return this.want('hearingCancelled', reason);
  }
  hearingHeld(options?: HoldOptions) {
    return this.want('hearingHeld', options);
  }
  struckOff() {
    return this.want('struckOff');
  }
  resumed() {
    return this.want('resumed');
  }
  /** The claimant waives the claim: withdrawn at once, or pending the defendant's answer once defended. */
  waived() {
    return this.want('waived');
  }
  waiverPending() {
    return this.want('waiverPending');
  }
  withdrawn() {
    return this.want('withdrawn');
  }
  settled() {
    return this.want('settled');
  }
  judgmentIssued(options?: JudgmentOptions) {
    return this.want('judgmentIssued', options);
  }
  /** Every party served with the judgment (or one side): in their account, or recorded by the clerk. */
  served(options?: ServedOptions) {
    return this.want('served', options);
  }
  objected(options?: ObjectionOptions) {
    return this.want('objected', options);
  }
  /** Every party that has not objected accepts the judgment (or, out of reach, lets its window pass). */
  everyWindowClosed() {
    return this.want('everyWindowClosed');
  }
  appealDecided(options?: AppealOptions) {
    return this.want('appealDecided', options);
  }
  /** Final on appeal when objected to; otherwise served and every objection window passed unused. */
  final() {
    return this.want('final');
  }
  executionRequested() {
    return this.want('executionRequested');
  }
  principal(who?: Who) {
    return this.want('principal', who);
  }
  agent(who?: Who) {
    return this.want('agent', who);
  }
  poa(options?: PoaOptions) {
    return this.want('poa', options);
  }
  poaIssuedByNotary() {
    return this.want('poaIssuedByNotary');
  }
  poaSelfIssued() {
    return this.want('poaSelfIssued');
  }
  poaRevoked(options?: RevokeOptions) {
    return this.want('poaRevoked', options);
  }
  /** The agent steps down (the last agent ends the power of attorney). */
  poaWithdrawn(reason?: string) {
    return this.want('poaWithdrawn', reason);
  }
  seller(who?: Who) {
    return this.want('seller', who);
  }
  buyer(who?: Who) {
    return this.want('buyer', who);
  }
  contract(options?: ContractOptions) {
    return this.want('contract', options);
  }
  contractDrafted() {
    return this.want('contractDrafted');
  }
  awaitingSignatures() {
    return this.want('awaitingSignatures');
  }
  /** Signed by every party (or only one, the contract still awaiting the other's signature). */
  contractSigned(options?: SignedOptions) {
    return this.want('contractSigned', options);
  }
  /** The notary fee billed when it was put to signature, paid by its payer (the seller) at the gateway. */
  notaryFeePaid() {
    return this.want('notaryFeePaid');
  }
  contractNotarized() {
    return this.want('contractNotarized');
  }
  /** A document of the instrument reached last (contract, power of attorney, lawsuit), or of the one given. */
  documentRequested(options?: DocumentOptions) {
    return this.want('documentRequested', options);
  }
}

/** What a chain of steps is until awaited: the scenario, with steps queued. */
export class Chain extends Steps implements PromiseLike<Scenario> {
  constructor(private readonly scenario: Scenario) {
    super();
  }

  protected want(step: StepName, options?: unknown): Chain {
    this.scenario.enqueue(step, options);
    return this;
  }

  then<A = Scenario, B = never>(
    onFulfilled?: ((s: Scenario) => A | PromiseLike<A>) | null,
    onRejected?: ((e: unknown) => B | PromiseLike<B>) | null,
  ) {
    return this.scenario.flush().then(onFulfilled, onRejected);
  }
}

export class Scenario extends Steps {
  /** Who acts: each person a step made or was given (their context, `ctx()`, and `token`). */
  readonly actors = {} as Actors;
  /** Where the case is heard. */
  venue!: ScenarioCourt;
  courtId!: string;
  courtCode!: string;
  // The lawsuit.
  lawsuitId!: string;
  caseNumber!: string;
  circuitId!: string;
  claimantPartyId!: string;
  defendantPartyId!: string;
  /** The latest hearing, its start and presiding judge; every hearing in order. */
  hearingId!: string;
  hearingAt!: Date;
  hearingJudgeId!: string;
  hearingIds: string[] = [];
  postponedHearingId!: string;
  judgmentId!: string;
  objectionId!: string;
  appealCourtId!: string;
  executionRequestId!: string;
  // Notarization.
  poaOptions: PoaOptions = {};
  poaId!: string;
  poaNumber!: string;
  /** The verification code given at issue. */
  poaCode!: string;
  contractOptions: ContractOptions = {};
  contractId!: string;
  contractNumber!: string;
  contractVersion!: number;
  documentIds: string[] = [];

  private readonly queue: [StepName, unknown][] = [];
  private readonly reaching = new Map<StepName, Promise<void>>();
  private readonly done = new Set<StepName>();
  private running: Promise<void> = Promise.resolve();

  constructor(readonly host: Host) {
    super();
  }

  protected want(step: StepName, options?: unknown): Chain {
    this.enqueue(step, options);
    return new Chain(this);
  }

  /** A bearer token of each actor, issued now (for specs that act over HTTP). */
  get tokens(): Record<keyof Actors, string> {
    return Object.fromEntries(Object.entries(this.actors).map(([role, p]) => [role, (p as Person).token])) as Record<keyof Actors, string>;
  }

  /** Whether a step has run. */
  reached(step: StepName): boolean {
    return this.done.has(step);
  }

  enqueue(step: StepName, options: unknown): void {
    this.queue.push([step, options]);
  }

  /** Runs the queued steps in order (after any run already under way). */
  flush(): Promise<Scenario> {
    this.running = this.running.then(async () => {
      while (this.queue.length) {
        const [step, options] = this.queue.shift()!;
        await this.reach(step, options);
      }
    });
    return this.running.then(() => this);
  }

  /**
   * Reaches a step, once: nothing when the case is there already (moved by the spec itself), else
   * the steps it needs first, then its own work.
   */
  reach(step: StepName, options?: unknown): Promise<void> {
    let reaching = this.reaching.get(step);
    if (!reaching) {
      const def = STEPS[step];
      reaching = (async () => {
        if (await def.already?.(this)) return void this.done.add(step);
        for (const need of def.after?.(this, options) ?? []) {
          const [name, needOptions] = typeof need === 'string' ? [need, undefined] : need;
          await this.reach(name, needOptions);
        }
        try {
          await def.run(this, options);
        } catch (err) {
          if (err instanceof Error) err.message = `scenario step ${step}: ${err.message}`;
          throw err;
        }
        this.done.add(step);
      })();
      this.reaching.set(step, reaching);
      // A failed step may be tried again by a later chain.
      reaching.catch(() => this.reaching.delete(step));
    }
    return reaching;
  }

  /** Schedules another hearing of the case now (a stage step schedules the first one). */
  async scheduleHearing(options?: HearingOptions): Promise<Hearing> {
    await this.reach('registered');
    const hearing = await scheduleHearing(this, options);
    this.useHearing(hearing);
    return hearing;
  }

  /** The presiding judge records the minutes of the latest hearing, ten minutes in. */
  async holdHearing(options?: HoldOptions): Promise<void> {
    await holdHearing(this, options);
  }

  /** Serves the judgment now on the parties of one side (or both) not served yet; `.served()` serves the rest. */
  async serve(side?: ServedOptions['only']): Promise<void> {
    await this.reach('judgmentIssued');
    await serve(this, side);
  }

  /** The clerk who acts in the case's court. */
  clerk(): Promise<Person> {
    return clerkOf(this.host, this.courtId);
  }

  /** The judge who acts now: presiding over the latest hearing, else the circuit's first seated judge. */
  judge(): Promise<Person> {
    return actingJudge(this);
  }

  /**
   * Tries a hearing at `from`; on a clash, at the next free slot the scheduler names (the circuit's),
   * or the next working morning when that slot is no later (the judge sits elsewhere then).
   */
  async freeSlot<T>(from: Date, attempt: (startsAt: Date) => Promise<T>): Promise<T> {
    let startsAt = from;
    for (let tries = 0; ; tries++) {
      try {
        return await attempt(startsAt);
      } catch (err) {
        if (!(err instanceof HearingConflictError) || tries >= 20) throw err;
        const named = err.details.nextFreeSlot ? new Date(err.details.nextFreeSlot as string) : null;
        startsAt = named && named > startsAt ? named : workingSlot(1, 9, 0, startsAt);
      }
    }
  }

  useHearing(hearing: Hearing): void {
    this.hearingId = hearing.id;
    this.hearingAt = hearing.startsAt;
    this.hearingJudgeId = hearing.judgeId!;
    this.hearingIds.push(hearing.id);
  }

  usePoa(issued: IssuedPowerOfAttorney): void {
    this.poaId = issued.powerOfAttorney.id;
    this.poaNumber = issued.powerOfAttorney.number;
    this.poaCode = issued.verificationCode;
  }

  useContract(contract: Contract): void {
    this.contractId = contract.id;
    this.contractNumber = contract.number;
    this.contractVersion = contract.version;
  }
}

/** A new scenario on `app`; `options.clocks` move with the app's clock (a worker's, beside the API). */
export function scenario(app: ScenarioApp, options?: ScenarioOptions): Scenario {
  return new Scenario(Host.of(app, options));
}
