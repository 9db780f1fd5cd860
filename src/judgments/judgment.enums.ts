import { registerEnumType } from '@nestjs/graphql';

export enum AppealDecision {
  UPHOLD = 'UPHOLD',
  OVERTURN = 'OVERTURN',
  AMEND = 'AMEND',
}
registerEnumType(AppealDecision, { name: 'AppealDecision' });
