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
    let state = S.DRAFT;
    for (const event of path) state = lawsuitMachine.next(state, event);
    expect(state).toBe(S.CLOSED);
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
