/**
 * How contract signing asks whether an agent may act for a principal: through powers of
 * attorney, which live in their own module. ContractsModule binds AGENCY to a provider; until
 * powers of attorney are part of the platform, that provider refuses every agent.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../core/context/request-context';
import { ForbiddenError } from '../../core/errors/domain-error';

export const AGENCY = Symbol('AGENCY');

export interface AgencyPort {
  /** The active power of attorney under which `agentUserId` may do `power` for the person `principalNationalId`; throws PowerOfAttorneyInactiveError (POWER_OF_ATTORNEY_INACTIVE) or ForbiddenError. */
  requireAgency(
    tx: RequestContext,
    q: { agentUserId: string; principalNationalId: string; power: string },
  ): Promise<{ powerOfAttorneyId: string }>;
}

/** No powers of attorney yet: nobody may sign for someone else. */
@Injectable()
export class NoAgency implements AgencyPort {
  requireAgency(): Promise<{ powerOfAttorneyId: string }> {
    return Promise.reject(new ForbiddenError('Signing for someone else needs an active power of attorney.'));
  }
}
