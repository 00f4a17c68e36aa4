import type { OwnerReadCheck } from '../../lib/storage';
import { can } from '../../lib/policy';
import { readSpeechFile } from './outcomes/speeches';
import { readSuggestionFile } from './outcomes/suggestions';
import { activityAccess, findActivity } from './workflow';

// Files follow the visibility of the activity they are attached to.
const readActivityFile: OwnerReadCheck = async (actor, id, db) => {
  const row = await findActivity(db, actor.committeeId, id);
  return row !== undefined && can(actor, 'read', 'activity', await activityAccess(db, row));
};

export const activityAttachmentOwners = {
  activity: readActivityFile,
  activitySuggestion: readSuggestionFile,
  activitySpeech: readSpeechFile,
};
