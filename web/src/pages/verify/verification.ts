/**
 * The public checks of docs/api.md: a document (D-…), a power of attorney (POA-…) or a notarized
 * contract (NC-…), each by its number and verification code. The number's prefix says which to
 * ask; a number of no known shape is tried against each in turn. Always asked afresh: the answer
 * is the instrument's state now.
 */
import { useEffect, useState } from 'preact/hooks';
import { useClient, type Client } from '@urql/preact';
import { graphql } from '../../gql';
import type { VerifyContractQuery, VerifyDocumentQuery, VerifyPowerOfAttorneyQuery } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';

const VERIFY_DOCUMENT = graphql(`
  query VerifyDocument($number: String!, $code: String!) {
    verifyDocument(number: $number, code: $code) {
      genuine
      number
      kindAr
      kindEn
      issuedAt
      sha256
      instrument {
        active
        reference
        stateAr
        stateEn
      }
    }
  }
`);

const VERIFY_POA = graphql(`
  query VerifyPowerOfAttorney($number: String!, $code: String!) {
    verifyPowerOfAttorney(number: $number, code: $code) {
      number
      state
      issuance
      validFrom
      validTo
      canDelegate
      principals {
        nameAr
        nameEn
        nationalId
      }
      agents {
        nameAr
        nameEn
        nationalId
        state
      }
      powers {
        code
        nameAr
        nameEn
        inForce
      }
    }
  }
`);

const VERIFY_CONTRACT = graphql(`
  query VerifyContract($number: String!, $code: String!) {
    verifyContract(number: $number, code: $code) {
      valid
      number
      type
      state
      notaryOfficeNameAr
      notaryOfficeNameEn
      notarizedAt
      cancelledAt
      voidedAt
      parties {
        nameAr
        nameEn
        role
      }
    }
  }
`);

export type Verification =
  | { kind: 'document'; document: VerifyDocumentQuery['verifyDocument'] }
  | { kind: 'poa'; poa: VerifyPowerOfAttorneyQuery['verifyPowerOfAttorney'] }
  | { kind: 'contract'; contract: VerifyContractQuery['verifyContract'] }
  | { kind: 'none' };

type Check = (client: Client, vars: { number: string; code: string }) => Promise<Verification | null>;

const FRESH = { requestPolicy: 'network-only' } as const;

const checkDocument: Check = async (client, vars) => {
  const r = await client.query(VERIFY_DOCUMENT, vars, FRESH).toPromise();
  if (!r.data) throw r.error ?? new Error('no answer');
  return r.data.verifyDocument.genuine ? { kind: 'document', document: r.data.verifyDocument } : null;
};

const checkPoa: Check = async (client, vars) => {
  const r = await client.query(VERIFY_POA, vars, FRESH).toPromise();
  if (r.data) return { kind: 'poa', poa: r.data.verifyPowerOfAttorney };
  // A number and code that do not match are NOT_FOUND here.
  if (errorCode(r.error) === 'NOT_FOUND') return null;
  throw r.error ?? new Error('no answer');
};

const checkContract: Check = async (client, vars) => {
  const r = await client.query(VERIFY_CONTRACT, vars, FRESH).toPromise();
  if (!r.data) throw r.error ?? new Error('no answer');
  // A matching contract has its number, in force (valid) or not.
  return r.data.verifyContract.number ? { kind: 'contract', contract: r.data.verifyContract } : null;
};

function checksFor(number: string): Check[] {
  if (/^D-/i.test(number)) return [checkDocument];
  if (/^POA-/i.test(number)) return [checkPoa];
  if (/^NC-/i.test(number)) return [checkContract];
  return [checkDocument, checkPoa, checkContract];
}

async function verify(client: Client, number: string, code: string): Promise<Verification> {
  for (const check of checksFor(number)) {
    const found = await check(client, { number, code });
    if (found) return found;
  }
  return { kind: 'none' };
}

export type VerifyState = { status: 'idle' | 'checking' | 'failed' } | { status: 'done'; result: Verification };

/** The check of a number and code (none while either is empty), run again when they change. */
export function useVerification(number: string, code: string): VerifyState {
  const client = useClient();
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  useEffect(() => {
    if (!number || !code) return setState({ status: 'idle' });
    let current = true;
    setState({ status: 'checking' });
    verify(client, number, code).then(
      (result) => current && setState({ status: 'done', result }),
      () => current && setState({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [client, number, code]);
  return state;
}
