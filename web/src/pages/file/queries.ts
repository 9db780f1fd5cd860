/** What the filing pages ask the API: a filing's content as its filer reads it, and the moves of a filing. */
import { graphql } from '../../gql';

export const FILING_CONTENT = graphql(`
  fragment FilingContent on Lawsuit {
    id
    version
    state
    category
    courtId
    subject
    facts
    claimedAmount
    feeAmount
    feeExempt
    returnReason
    returnFields
    parties {
      id
      side
      kind
      nationalId
      organizationNumber
      nameAr
      nameEn
    }
    claims {
      description
      amount
    }
    attachments {
      attachmentId
      fileName
      sizeBytes
    }
  }
`);

export const FILED = graphql(`
  query FiledClaim($id: ID!) {
    lawsuit(id: $id) {
      ...FilingContent
    }
  }
`);

export const FILE_CLAIM = graphql(`
  mutation FileClaim($input: FileLawsuitInput!) {
    fileLawsuit(input: $input) {
      ...FilingContent
    }
  }
`);

export const CORRECT_CLAIM = graphql(`
  mutation CorrectClaim($input: CorrectLawsuitInput!) {
    correctLawsuit(input: $input) {
      ...FilingContent
    }
  }
`);

export const SUBMIT_CLAIM = graphql(`
  mutation SubmitClaim($id: ID!) {
    submitLawsuit(id: $id) {
      id
      state
      bills {
        id
        state
      }
    }
  }
`);

export const PAY_FEE = graphql(`
  mutation PayClaimFee($id: ID!, $returnTo: String) {
    payBill(id: $id, returnTo: $returnTo) {
      paymentUrl
    }
  }
`);

export const COURT_NAME = graphql(`
  query FilingCourt($id: ID!) {
    court(id: $id) {
      id
      nameAr
      nameEn
    }
  }
`);

/** Where the gateway sends the payer back: the filing's receipt (by way of /payments/return). */
export const receiptPath = (lawsuitId: string): string => `/file/receipt/${lawsuitId}`;
