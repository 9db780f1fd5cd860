/**
 * The codes of the powers (بنود الوكالة) a power of attorney may grant — stable API values — and
 * the litigation power an agent needs for each act on a client's lawsuit. Authorization reads
 * them; the notarization wing keeps their catalogue texts (versioned, in the database).
 */
import { registerEnumType } from '@nestjs/graphql';

export enum PowerCode {
  LIT_FILE = 'LIT_FILE',
  LIT_ATTEND = 'LIT_ATTEND',
  LIT_PLEAD = 'LIT_PLEAD',
  LIT_SUBMIT_MEMOS = 'LIT_SUBMIT_MEMOS',
  LIT_RECONCILE = 'LIT_RECONCILE',
  LIT_RECEIVE_JUDGMENT = 'LIT_RECEIVE_JUDGMENT',
  LIT_OBJECT_APPEAL = 'LIT_OBJECT_APPEAL',
  LIT_REQUEST_EXECUTION = 'LIT_REQUEST_EXECUTION',
  LIT_RECEIVE_MONEY = 'LIT_RECEIVE_MONEY',
  RE_BUY = 'RE_BUY',
  RE_SELL = 'RE_SELL',
  RE_MORTGAGE = 'RE_MORTGAGE',
  RE_TRANSFER_DEED = 'RE_TRANSFER_DEED',
  RE_LEASE = 'RE_LEASE',
  RE_GIFT = 'RE_GIFT',
  VEH_BUY = 'VEH_BUY',
  VEH_SELL = 'VEH_SELL',
  VEH_TRANSFER = 'VEH_TRANSFER',
  BANK_OPEN_ACCOUNT = 'BANK_OPEN_ACCOUNT',
  BANK_WITHDRAW = 'BANK_WITHDRAW',
  BANK_TRANSFER = 'BANK_TRANSFER',
  CO_FORM = 'CO_FORM',
  CO_MANAGE = 'CO_MANAGE',
  CO_SELL_SHARES = 'CO_SELL_SHARES',
  GOV_REVIEW_AGENCIES = 'GOV_REVIEW_AGENCIES',
  GOV_RECEIVE_DOCUMENTS = 'GOV_RECEIVE_DOCUMENTS',
}
registerEnumType(PowerCode, { name: 'PowerCode', description: 'A power (بند) of the catalogue.' });

export function isLitigationPower(code: string): boolean {
  return code.startsWith('LIT_');
}

/**
 * The litigation power an agent needs for each act on a client's lawsuit (read: any litigation
 * power). The ability factory builds the agents' rules from this table, and authorize() uses it to
 * tell "your power of attorney ended" (POWER_OF_ATTORNEY_INACTIVE) from "never granted" (FORBIDDEN).
 */
export const LAWSUIT_ACTION_POWER = {
  create: PowerCode.LIT_FILE,
  update: PowerCode.LIT_FILE,
  submit: PowerCode.LIT_FILE,
  resume: PowerCode.LIT_FILE,
  attend: PowerCode.LIT_ATTEND,
  plead: PowerCode.LIT_SUBMIT_MEMOS,
  waive: PowerCode.LIT_RECONCILE,
  withdraw: PowerCode.LIT_RECONCILE,
  settle: PowerCode.LIT_RECONCILE,
  object: PowerCode.LIT_OBJECT_APPEAL,
  execute: PowerCode.LIT_REQUEST_EXECUTION,
} as const;
export type AgentLawsuitAction = keyof typeof LAWSUIT_ACTION_POWER;
