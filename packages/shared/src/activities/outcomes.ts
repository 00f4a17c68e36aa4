import { codesOf } from '../codes';
import {
  readingNoteCommandLabels,
  readingNoteStateLabels,
  speechCommandLabels,
  speechModeLabels,
  speechStateLabels,
  suggestionCommandLabels,
  suggestionStateLabels,
} from '../labels';
import { defineWorkflowTable, transitionBuilders } from '../workflow';

/** What activities produce: suggestions followed to results, speeches, reading notes. */

export const suggestionStates = codesOf(suggestionStateLabels);
export type SuggestionState = (typeof suggestionStates)[number];
export const suggestionCommands = codesOf(suggestionCommandLabels);
export type SuggestionCommand = (typeof suggestionCommands)[number];
/**
 * Abilities of the `activitySuggestion` policy: manage = liaison staff; record = liaison staff, or a
 * person of the unit the suggestion was sent to (the department answers for itself).
 */
export const suggestionPermissions = ['manage', 'record'] as const;
export type SuggestionPermission = (typeof suggestionPermissions)[number];

const suggestionRows = transitionBuilders<SuggestionState, SuggestionCommand, SuggestionPermission>();

/**
 * 意见建议: 提出 → 报送 (to a department, with a deadline) → 采纳 → 落实 (成果转化), or 未采纳. A result
 * recorded by mistake is taken back one step (撤回登记).
 */
export const suggestionWorkflowTable = defineWorkflowTable({
  label: '意见建议',
  stateLabels: suggestionStateLabels,
  commandLabels: suggestionCommandLabels,
  transitions: [
    ...suggestionRows.stay(['proposed', 'sent'], 'update', 'manage'),
    ...suggestionRows.move(['proposed'], 'send', 'sent', 'manage'),
    ...suggestionRows.move(['sent'], 'adopt', 'adopted', 'record'),
    ...suggestionRows.move(['sent'], 'decline', 'notAdopted', 'record'),
    ...suggestionRows.move(['adopted'], 'implement', 'implemented', 'record'),
    ...suggestionRows.move(['adopted', 'notAdopted'], 'reopen', 'sent', 'manage'),
    ...suggestionRows.move(['implemented'], 'reopen', 'adopted', 'manage'),
  ],
});

/** States in which a suggestion waits for its department; past its deadline it is overdue. */
export const suggestionAwaitingStates: readonly SuggestionState[] = ['sent'];
/** States counted as adopted (采纳) in figures: an implemented suggestion was adopted first. */
export const suggestionAdoptedStates: readonly SuggestionState[] = ['adopted', 'implemented'];

export const speechModes = codesOf(speechModeLabels);
export type SpeechMode = (typeof speechModes)[number];
export const speechStates = codesOf(speechStateLabels);
export type SpeechState = (typeof speechStates)[number];
export const speechCommands = codesOf(speechCommandLabels);
export type SpeechCommand = (typeof speechCommands)[number];
/** Abilities of the `activitySpeech` policy: manage = liaison staff; author = the member who speaks. */
export const speechPermissions = ['manage', 'author'] as const;
export type SpeechPermission = (typeof speechPermissions)[number];

const speechRows = transitionBuilders<SpeechState, SpeechCommand, SpeechPermission>();

/**
 * A speech: a member submits a written one (or staff record an oral one, accepted at once); staff
 * accept it (收录, the member's `speech.given`) or decline it; an accepted written speech of a plenary
 * may be selected for oral delivery (大会口头发言). Declining an accepted speech withdraws the record.
 */
export const speechWorkflowTable = defineWorkflowTable({
  label: '发言',
  stateLabels: speechStateLabels,
  commandLabels: speechCommandLabels,
  transitions: [
    ...speechRows.move(['submitted'], 'accept', 'accepted', 'manage'),
    ...speechRows.move(['submitted', 'accepted'], 'decline', 'declined', 'manage'),
    ...speechRows.move(['accepted'], 'select', 'selected', 'manage'),
    ...speechRows.move(['selected'], 'unselect', 'accepted', 'manage'),
    ...speechRows.move(['submitted'], 'withdraw', 'withdrawn', 'author'),
  ],
});

/** States in which a speech counts as given (`speech.given`). */
export const speechGivenStates: readonly SpeechState[] = ['accepted', 'selected'];

export const readingNoteStates = codesOf(readingNoteStateLabels);
export type ReadingNoteState = (typeof readingNoteStates)[number];
export const readingNoteCommands = codesOf(readingNoteCommandLabels);
export type ReadingNoteCommand = (typeof readingNoteCommands)[number];
/** Abilities of the `readingNote` policy: manage = liaison staff; author = the member who wrote it. */
export const readingNotePermissions = ['manage', 'author'] as const;
export type ReadingNotePermission = (typeof readingNotePermissions)[number];

const readingRows = transitionBuilders<ReadingNoteState, ReadingNoteCommand, ReadingNotePermission>();

/** A reading note counts (`reading.note`) from its submission until it is returned or withdrawn. */
export const readingNoteWorkflowTable = defineWorkflowTable({
  label: '读书笔记',
  stateLabels: readingNoteStateLabels,
  commandLabels: readingNoteCommandLabels,
  transitions: [
    ...readingRows.move(['submitted'], 'returnNote', 'returned', 'manage'),
    ...readingRows.move(['submitted'], 'withdraw', 'withdrawn', 'author'),
  ],
});
