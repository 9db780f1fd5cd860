import { registerEnumType } from '@nestjs/graphql';

export enum HearingMode {
  IN_PERSON = 'IN_PERSON',
  REMOTE = 'REMOTE',
}
registerEnumType(HearingMode, { name: 'HearingMode' });

export enum HearingState {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  POSTPONED = 'POSTPONED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(HearingState, { name: 'HearingState' });
