/** What the power of attorney pages read of one (details, revocation), and its shape. */
import { graphql } from '../../gql';
import type { PoaDetailsQuery } from '../../gql/graphql';

export const POA_DETAILS = graphql(`
  query PoaDetails($id: ID!) {
    powerOfAttorney(id: $id) {
      id
      number
      state
      issuance
      validFrom
      validTo
      confirmBy
      canDelegate
      endReason
      verificationCode
      principals {
        id
        nationalId
        nameAr
        nameEn
        confirmedAt
      }
      agents {
        id
        nationalId
        nameAr
        nameEn
        state
      }
      powers {
        id
        code
        domain
        nameAr
        nameEn
        revokedAt
      }
      bills {
        id
        state
        amount
        dueAt
      }
    }
    powerOfAttorneyLimits {
      confirmation {
        hours
      }
    }
  }
`);

export type PoaData = PoaDetailsQuery['powerOfAttorney'];
