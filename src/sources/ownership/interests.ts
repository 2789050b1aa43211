import type { EntityBuilder } from '../../model/builder.js';
import { cleanNumber } from '../../model/extensions.js';

/**
 * What an ownership-or-control interest becomes in FtM. Shares, voting rights and rights to
 * assets or profit are Ownership; board seats and senior management are Directorship; the other
 * ways to control (appointing the board, trusts, nominees, contracts) are Ownership with an
 * ownershipType "control: …", so that ownership-or-control chains (EU and UK 50 % and control
 * rules) can follow them.
 */
export type EdgeKind = 'ownership' | 'control' | 'directorship';

export interface InterestKind {
  kind: EdgeKind;
  /** ownershipType (Ownership) or role (Directorship) */
  label: string;
}

/** BODS 0.4 interest types (codelist interestType.csv). */
export const BODS_INTERESTS: Record<string, InterestKind> = {
  shareholding: { kind: 'ownership', label: 'shareholding' },
  votingRights: { kind: 'ownership', label: 'voting rights' },
  rightsToSurplusAssetsOnDissolution: { kind: 'ownership', label: 'rights to surplus assets on dissolution' },
  rightsToProfitOrIncome: { kind: 'ownership', label: 'rights to profit or income' },
  rightToProfitOrIncomeFromAssets: { kind: 'ownership', label: 'rights to profit or income from assets' },
  enjoymentAndUseOfAssets: { kind: 'ownership', label: 'enjoyment and use of assets' },
  beneficiaryOfLegalArrangement: { kind: 'ownership', label: 'beneficiary of a legal arrangement' },
  appointmentOfBoard: { kind: 'control', label: 'control: right to appoint or remove the board' },
  otherInfluenceOrControl: { kind: 'control', label: 'control: other influence or control' },
  rightsGrantedByContract: { kind: 'control', label: 'control: rights granted by contract' },
  conditionalRightsGrantedByContract: { kind: 'control', label: 'control: conditional rights granted by contract' },
  controlViaCompanyRulesOrArticles: { kind: 'control', label: 'control: via company rules or articles' },
  controlByLegalFramework: { kind: 'control', label: 'control: by legal framework' },
  settlor: { kind: 'control', label: 'control: settlor' },
  trustee: { kind: 'control', label: 'control: trustee' },
  protector: { kind: 'control', label: 'control: protector' },
  nominee: { kind: 'control', label: 'control: nominee' },
  nominator: { kind: 'control', label: 'control: nominator' },
  unknownInterest: { kind: 'ownership', label: 'unknown interest' },
  unpublishedInterest: { kind: 'ownership', label: 'unpublished interest' },
  boardMember: { kind: 'directorship', label: 'board member' },
  boardChair: { kind: 'directorship', label: 'board chair' },
  seniorManagingOfficial: { kind: 'directorship', label: 'senior managing official' },
};

export interface ShareRange {
  exact?: number;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

function num(n: number): string {
  return cleanNumber(String(n)) ?? String(n);
}

/**
 * A share as FtM `percentage` text: the exact figure, else the range "25-50" (an open end is 0 or
 * 100); and, for a range, a summary saying which ends are inclusive (PSC "more than 25 % but not
 * more than 50 %" differs from BODS "at least 25 %").
 */
export function shareText(s: ShareRange): { percentage?: string; summary?: string } {
  if (s.exact !== undefined) return { percentage: num(s.exact) };
  if (s.min === undefined && s.max === undefined) return {};
  const lo = s.min ?? 0;
  const hi = s.max ?? 100;
  const from = s.min === undefined ? '' : `${s.minExclusive ? 'more than' : 'at least'} ${num(lo)} %`;
  const to = s.max === undefined ? '' : `${s.maxExclusive ? 'less than' : 'up to'} ${num(hi)} %`;
  return { percentage: `${num(lo)}-${num(hi)}`, summary: `share ${[from, to].filter(Boolean).join(', ')}` };
}

/** Adds percentage (and a range's summary) to an Ownership. */
export function addShare(b: EntityBuilder, s: ShareRange): void {
  const t = shareText(s);
  b.add('percentage', t.percentage);
  b.add('summary', t.summary);
}
