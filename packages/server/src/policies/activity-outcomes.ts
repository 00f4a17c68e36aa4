import type { ReadingNoteState, SpeechState, SuggestionState } from '@cppcc/shared';
import { hasRole, type Actor } from '../lib/actor';
import { defineCollectionPolicy, definePolicy } from '../lib/policy';

/** Who may see and act on what activities produce: suggestions, speeches, reading notes. */

const isStaff = (a: Actor) => hasRole(a, 'liaisonStaff');
const isOverseer = (a: Actor) => isStaff(a) || hasRole(a, 'leader');

export interface SuggestionAccess {
  committeeId: number;
  state: SuggestionState;
  unitId: number | null;
}

/** A person of the department a suggestion was sent to; before it is sent it is the staff's draft. */
const ofTargetUnit = (a: Actor, s: SuggestionAccess) =>
  s.state !== 'proposed' &&
  s.unitId !== null &&
  a.unitId === s.unitId &&
  hasRole(a, 'unitHandler', 'unitHead');

export const activitySuggestionPolicy = definePolicy<SuggestionAccess>({
  resource: 'activitySuggestion',
  label: '意见建议',
  abilities: {
    read: (a, s) => isOverseer(a) || ofTargetUnit(a, s),
    manage: (a) => isStaff(a),
    record: (a, s) => isStaff(a) || ofTargetUnit(a, s),
  },
});

export interface AuthoredAccess {
  committeeId: number;
  memberId: number;
}

export interface SpeechAccess extends AuthoredAccess {
  state: SpeechState;
}

const isAuthor = (a: Actor, r: AuthoredAccess) => a.memberId !== null && a.memberId === r.memberId;

export const activitySpeechPolicy = definePolicy<SpeechAccess>({
  resource: 'activitySpeech',
  label: '发言',
  abilities: {
    read: (a, s) => isOverseer(a) || isAuthor(a, s),
    manage: (a) => isStaff(a),
    author: isAuthor,
  },
});

export interface ReadingNoteAccess extends AuthoredAccess {
  state: ReadingNoteState;
}

export const readingNotePolicy = definePolicy<ReadingNoteAccess>({
  resource: 'readingNote',
  label: '读书笔记',
  abilities: {
    read: (a, n) => isOverseer(a) || isAuthor(a, n),
    manage: (a) => isStaff(a),
    author: isAuthor,
  },
});

/** Collection abilities of the outcome lists and forms. */
export const activityOutcomeCollectionPolicy = defineCollectionPolicy({
  resource: 'activityOutcomes',
  label: '活动成果',
  abilities: {
    read: () => true,
    /** The staff's and leaders' lists of every suggestion, speech and note. */
    overview: (a) => isOverseer(a),
    manage: (a) => isStaff(a),
    /** The department's list of suggestions sent to it. */
    answer: (a) => hasRole(a, 'unitHandler', 'unitHead') && a.unitId !== null,
    /** A member's own speeches and reading notes. */
    write: (a) => hasRole(a, 'member') && a.memberId !== null,
  },
});

export const activityOutcomePolicies = [
  activitySuggestionPolicy,
  activitySpeechPolicy,
  readingNotePolicy,
  activityOutcomeCollectionPolicy,
];
