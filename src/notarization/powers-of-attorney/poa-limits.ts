/**
 * The limits of a power of attorney as data, each with the law it follows: how long one may last
 * (self-issued, notarized), how far ahead it may start, how long co-principals have to confirm a
 * self-issued draft, and how many principals and agents it names. Issuing, its inputs, its notices
 * and the API (powerOfAttorneyLimits) read them from here.
 */
import type { LegalBasis } from '../../core/rules/legal-basis';
import type { PoaLimits } from './poa-limits.models';

const NOTARIES_LAW = 'Notaries Law (1441H) and its implementing regulations — as the ministry configures';
const basis = (ar: string, en: string): LegalBasis => ({
  ar: `نظام التوثيق ولائحته التنفيذية: ${ar}`,
  en: `Notaries Law and its implementing regulations: ${en}`,
  reference: NOTARIES_LAW,
});

export const POWER_OF_ATTORNEY_LIMITS: PoaLimits = {
  selfIssuedValidity: {
    maxYears: 1,
    basis: basis(
      'الوكالة التي يصدرها الموكل إلكترونياً بنفسه محدودة المدة، وأقصاها كما تضبطه الوزارة.',
      'A power of attorney a principal issues electronically themselves is time-limited; its longest term is as the ministry configures.',
    ),
  },
  notarizedValidity: {
    maxYears: 10,
    basis: basis(
      'الوكالة التي يوثقها كاتب العدل أو الموثق محددة المدة، وأقصاها كما تضبطه الوزارة.',
      'A power of attorney authenticated by a notary has a fixed term; its longest is as the ministry configures.',
    ),
  },
  start: {
    maxDaysAhead: 365,
    basis: basis(
      'لا يبدأ سريان الوكالة في الماضي، ولا بعد أكثر من المدة التي تضبطها الوزارة من إصدارها.',
      'A power of attorney does not start in the past, nor later after its issue than the ministry configures.',
    ),
  },
  confirmation: {
    hours: 48,
    basis: basis(
      'إذا تعدد الموكلون في وكالة إلكترونية أكّدها كل منهم خلال المهلة التي تضبطها الوزارة، وإلا سقطت المسودة.',
      'When an electronic power of attorney has several principals, each confirms it within the time the ministry configures, or the draft lapses.',
    ),
  },
  principals: {
    min: 1,
    max: 10,
    basis: basis(
      'تصدر الوكالة عن موكل واحد على الأقل، وبحد أعلى من الموكلين تضبطه الوزارة.',
      'A power of attorney is given by at least one principal, and by no more than the ministry configures.',
    ),
  },
  agents: {
    min: 1,
    max: 10,
    basis: basis(
      'تسمّي الوكالة وكيلاً واحداً على الأقل، وبحد أعلى من الوكلاء تضبطه الوزارة، ولا يكون أحد موكلاً ووكيلاً فيها معاً.',
      'A power of attorney names at least one agent, and no more than the ministry configures; no one is both principal and agent in it.',
    ),
  },
};
