import { codesOf } from '../codes';
import {
  coauthorStatusLabels,
  dutyLevelLabels,
  forwardingChannelLabels,
  opinionAdoptionKindLabels,
  opinionIssueStateLabels,
  opinionLedgerEventLabels,
  opinionSubmitterTypeLabels,
} from '../labels';

/** Opinion vocabulary: submitters, adoption kinds, ledger events and levels, forwarding, issues, limits. */

export const opinionSubmitterTypes = codesOf(opinionSubmitterTypeLabels);
export type OpinionSubmitterType = (typeof opinionSubmitterTypes)[number];
export const opinionAdoptionKinds = codesOf(opinionAdoptionKindLabels);
export const coauthorStatuses = codesOf(coauthorStatusLabels);
export const opinionLedgerEvents = codesOf(opinionLedgerEventLabels);
export type OpinionLedgerEvent = (typeof opinionLedgerEvents)[number];
export const forwardingChannels = codesOf(forwardingChannelLabels);
export const opinionIssueStates = codesOf(opinionIssueStateLabels);
/** The levels adoption and instruction are counted at (区/县, 市, 省/自治区, 全国). */
export const opinionLevels = codesOf(dutyLevelLabels);
export type OpinionLevel = (typeof opinionLevels)[number];

/** How an event reads on the source article: 被市级采用, 获省（自治区）级领导批示 … */
export function ledgerEventText(event: OpinionLedgerEvent, level: OpinionLevel): string {
  const where = dutyLevelLabels[level];
  if (event === 'adopted') return `被${where}政协采用`;
  if (event === 'reported') return `报送${level === 'national' ? '全国政协' : `${where}政协`}`;
  return `获${where}领导批示`;
}

export const opinionTitleMax = 60;
/** Hard ceiling for the schema; the committee's configured limit (default 1500) is checked by the server. */
export const opinionContentCeiling = 10000;

/** 2024年第12期 */
export const formatIssueNumber = (year: number, number: number) => `${year}年第${number}期`;
