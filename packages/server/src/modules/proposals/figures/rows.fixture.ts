import type { Db } from '../../../db/client';
import * as s from '../../../db/schema';

/**
 * Test rows for figures and documents: proposals written straight through the schema in a known state,
 * with their unit slots, answers and ratings, so that tests can assert exact figures.
 */
export async function insertProposal(
  db: Db,
  values: Pick<typeof s.proposals.$inferInsert, 'committeeId' | 'sessionId' | 'leadMemberId' | 'createdBy'> &
    Partial<typeof s.proposals.$inferInsert>,
) {
  const filed = !values.state || !['draft', 'cosigning'].includes(values.state);
  const [row] = await db
    .insert(s.proposals)
    .values({
      kind: filed ? 'session' : null,
      title: '关于加强社区养老服务的提案',
      category: '社会建设',
      content: '情况：……分析：……建议：一是……；二是……；三是……。',
      submittedAt: filed ? new Date('2024-01-11T02:00:00Z') : null,
      ...values,
    })
    .returning();
  return row!;
}

export async function insertUnitSlot(
  db: Db,
  values: Pick<typeof s.proposalUnits.$inferInsert, 'committeeId' | 'proposalId' | 'unitId'> &
    Partial<typeof s.proposalUnits.$inferInsert>,
) {
  const now = Date.now();
  const [row] = await db
    .insert(s.proposalUnits)
    .values({
      role: 'lead',
      acknowledgeBy: new Date(now + 7 * 86400_000),
      deadline: new Date(now + 90 * 86400_000),
      ...values,
    })
    .returning();
  return row!;
}

export async function insertAnswer(
  db: Db,
  values: Pick<typeof s.proposalAnswers.$inferInsert, 'committeeId' | 'proposalId' | 'unitId' | 'draftedBy'> &
    Partial<typeof s.proposalAnswers.$inferInsert>,
) {
  const [row] = await db
    .insert(s.proposalAnswers)
    .values({
      category: 'A',
      text: '经研究，提案所提建议已全部采纳落实。',
      contactPerson: '王经办',
      contactPhone: '0951-5012345',
      state: 'approved',
      sentAt: new Date('2024-05-20T02:00:00Z'),
      ...values,
    })
    .returning();
  return row!;
}

export async function insertRating(
  db: Db,
  values: Pick<
    typeof s.proposalRatings.$inferInsert,
    'committeeId' | 'proposalId' | 'answerId' | 'memberId'
  > &
    Partial<typeof s.proposalRatings.$inferInsert>,
) {
  const [row] = await db
    .insert(s.proposalRatings)
    .values({ satisfaction: 'satisfied', attitude: 'satisfied', relevance: 'targeted', ...values })
    .returning();
  return row!;
}

/** The fields of a plenary session 五届三次会议, as stored and as the API takes them. */
export const thirdSession = {
  number: 3,
  name: '五届三次会议',
  meetingStart: '2024-01-10',
  meetingEnd: '2024-01-13',
  submissionOpens: '2023-10-10',
  submissionCloses: '2024-01-12',
};

export async function insertSession(
  db: Db,
  values: Pick<typeof s.plenarySessions.$inferInsert, 'committeeId' | 'termId'> &
    Partial<typeof s.plenarySessions.$inferInsert>,
) {
  const [row] = await db
    .insert(s.plenarySessions)
    .values({ ...thirdSession, ...values })
    .returning();
  return row!;
}
