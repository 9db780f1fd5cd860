import { lawsuitMachine, LawsuitState as S } from './lawsuit-state-machine';

describe('lawsuit state machine', () => {
  it('follows the main path from draft to closed', () => {
    const path = [
      'submit',
      'register',
      'scheduleFirstHearing',
      'issueJudgment',
      'object',
      'decideAppeal',
      'finalize',
      'requestExecution',
      'close',
    ] as const;
    // What the use cases establish before judging and deciding an appeal (the guards' facts).
    const facts = { heldHearing: true, pendingObjection: true, windowsClosed: true };
    let state = S.DRAFT;
    for (const event of path) state = lawsuitMachine.next(state, event, facts);
    expect(state).toBe(S.CLOSED);
  });

  it('judges only after a held hearing, decides an appeal only when an objection is pending, resumes once', () => {
    expect(() => lawsuitMachine.next(S.IN_HEARINGS, 'issueJudgment')).toThrow('A judgment needs a held hearing first.');
    expect(lawsuitMachine.next(S.IN_HEARINGS, 'issueJudgment', { heldHearing: true })).toBe(S.JUDGMENT_ISSUED);
    expect(() => lawsuitMachine.next(S.OBJECTED, 'decideAppeal', { pendingObjection: false })).toThrow(
      'The lawsuit has no pending appeal.',
    );
    expect(() => lawsuitMachine.next(S.REGISTERED, 'decideAppeal')).toThrow('A REGISTERED lawsuit has no pending appeal.');
    // Every objection together: not while a party's window is still open.
    expect(() => lawsuitMachine.next(S.OBJECTED, 'decideAppeal', { pendingObjection: true, windowsClosed: false })).toThrow(
      "a party's window is still open",
    );
    // Each party objects (or accepts) once; another party's objection joins the first.
    expect(lawsuitMachine.next(S.OBJECTED, 'object', {})).toBe(S.OBJECTED);
    expect(() => lawsuitMachine.next(S.OBJECTED, 'object', { answered: 'objected' })).toThrow('each party objects once');
    expect(() => lawsuitMachine.next(S.JUDGMENT_ISSUED, 'object', { answered: 'accepted' })).toThrow('may no longer object');
    expect(() => lawsuitMachine.next(S.STRUCK_OFF, 'resume', { resumedBefore: true })).toThrow('A struck-off case is resumed only once.');
    expect(lawsuitMachine.next(S.STRUCK_OFF, 'resume', {})).toBe(S.IN_HEARINGS);
  });

  it('keeps the state for acts within it, and refuses them elsewhere with their own words', () => {
    expect(lawsuitMachine.next(S.IN_HEARINGS, 'submitMemo')).toBe(S.IN_HEARINGS);
    expect(() => lawsuitMachine.next(S.REGISTERED, 'submitMemo')).toThrow(
      'Memos are filed while the case is in hearings, not when REGISTERED.',
    );
    expect(() => lawsuitMachine.next(S.DRAFT, 'notify', { registered: false })).toThrow('The court sends notices in a registered case');
    expect(() => lawsuitMachine.next(S.WITHDRAWN, 'notify', { registered: false })).toThrow('not in an unregistered one');
    expect(lawsuitMachine.next(S.WITHDRAWN, 'notify', { registered: true })).toBe(S.WITHDRAWN);
  });

  it('lets a returned filing be corrected and resubmitted', () => {
    expect(lawsuitMachine.next(lawsuitMachine.next(S.SUBMITTED, 'return'), 'submit')).toBe(S.SUBMITTED);
  });

  it('finalizes a judgment when the objection window passes unused', () => {
    expect(lawsuitMachine.next(S.JUDGMENT_ISSUED, 'finalize')).toBe(S.FINAL);
  });

  it('allows withdrawal only before judgment', () => {
    for (const s of [S.DRAFT, S.SUBMITTED, S.RETURNED, S.REGISTERED, S.IN_HEARINGS])
      expect(lawsuitMachine.next(s, 'withdraw')).toBe(S.WITHDRAWN);
    for (const s of [S.JUDGMENT_ISSUED, S.OBJECTED, S.FINAL, S.CLOSED, S.REJECTED]) {
      expect(() => lawsuitMachine.next(s, 'withdraw')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    }
  });

  it('refuses illegal moves with INVALID_TRANSITION', () => {
    expect(() => lawsuitMachine.next(S.DRAFT, 'register')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => lawsuitMachine.next(S.REJECTED, 'submit')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => lawsuitMachine.next(S.FINAL, 'object')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('strikes off from hearings and resumes into hearings', () => {
    expect(lawsuitMachine.next(lawsuitMachine.next(S.IN_HEARINGS, 'strikeOff'), 'resume')).toBe(S.IN_HEARINGS);
  });

  it('lists the events allowed from a state', () => {
    expect(lawsuitMachine.eventsFrom(S.SUBMITTED).sort()).toEqual(['register', 'reject', 'return', 'withdraw']);
  });
});
