/** What the case page reads of a lawsuit (its dated facts, pleadings, judgment and windows), and its shapes. */
import { graphql } from '../../gql';
import type { CasePageQuery } from '../../gql/graphql';

export const CASE_PAGE = graphql(`
  query CasePage($id: ID!) {
    lawsuit(id: $id) {
      id
      caseNumber
      state
      category
      subject
      courtId
      sealed
      createdAt
      submittedAt
      registeredAt
      struckOffAt
      resumedAt
      settledAt
      parties {
        id
        side
        nameAr
        nameEn
        nationalId
        representativeId
        powerOfAttorneyId
      }
      hearings {
        id
        startsAt
        heldAt
        state
        mode
        room
        minutes
        postponementReason
      }
      memos {
        id
        kind
        partyId
        createdAt
        body
        attachments {
          id
          fileName
          sizeBytes
          downloadLink
        }
      }
      attachments {
        id
        fileName
        sizeBytes
        downloadLink
      }
      judgment {
        id
        issuedAt
        finalAt
        ruling
        summary
        reasoning
        amountAwarded
        inFavourOf
        myObjectionWindow {
          partyId
          side
          state
          servedAt
          acceptedAt
          deadline {
            days
            dueAt
            dueOnHijriAr
            dueOnHijriEn
            rule {
              ar
              en
              reference
            }
          }
        }
        objectionWindows {
          partyId
          servedAt
          acceptedAt
        }
      }
      objections {
        id
        partyId
        createdAt
        decidedAt
        decision
      }
      executionRequests {
        id
        partyId
        createdAt
      }
      settlements {
        id
        approvedAt
      }
      transfers {
        id
        transferredAt
        caseNumber
      }
    }
  }
`);

export type CaseData = CasePageQuery['lawsuit'];
export type CaseParty = CaseData['parties'][number];
