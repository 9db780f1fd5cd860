import { registerEnumType } from '@nestjs/graphql';

export enum AppealDecision {
  UPHOLD = 'UPHOLD',
  OVERTURN = 'OVERTURN',
  AMEND = 'AMEND',
}
registerEnumType(AppealDecision, { name: 'AppealDecision' });

/** How a party was served with the judgment. */
export enum ServiceMethod {
  /** Its notice reached the party (or their representative) on a channel that counts as service. */
  ELECTRONIC = 'ELECTRONIC',
  /** Served outside the platform (process server, official letter); recorded by a clerk of the court. */
  RECORDED = 'RECORDED',
}
registerEnumType(ServiceMethod, { name: 'ServiceMethod' });
