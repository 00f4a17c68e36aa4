import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppConfig } from '../../env';
import type { Db } from '../client';
import { hashPassword } from '../../lib/auth';
import { demoAccounts, parentDemoAccounts, seedOrganisation, type SeededOrganisation } from './organisation';
import { seedActivities } from './activities';
import { seedActivityOutcomes } from './activity-outcomes';
import { seedConsultationPlan } from './consultation-plans';
import { seedOpinions } from './opinions';
import { seedProposals } from './proposals';

/**
 * Seed steps of later modules, run in order after the organisation on an empty database.
 * A module adds its demo data by appending a step here.
 */
export const demoSeedSteps: { name: string; run(db: Db, org: SeededOrganisation): Promise<void> }[] = [
  { name: 'proposals', run: (db, org) => seedProposals(db, org) },
  { name: 'opinions', run: (db, org) => seedOpinions(db, org) },
  { name: 'activities', run: (db, org) => seedActivities(db, org) },
  { name: 'activity-outcomes', run: (db, org) => seedActivityOutcomes(db, org) },
  { name: 'consultation-plans', run: (db, org) => seedConsultationPlan(db, org) },
];

/** Generates a demo password that satisfies the password policy. */
function generatePassword() {
  return `Demo-${randomBytes(6).toString('base64url')}7a`;
}

export async function seedOnEmpty(db: Db, config: AppConfig) {
  const existing = await db.execute<{ count: number }>(sql`select count(*)::int as count from committees`);
  const accounts = [...demoAccounts, ...parentDemoAccounts].map(({ username, label }) => ({
    username,
    label,
  }));
  if ((existing.rows[0]?.count ?? 0) > 0)
    return {
      accounts,
      password: config.demoPassword ?? '（首次启动时打印，或设置 DEMO_PASSWORD）',
      passwordGenerated: false,
      created: false,
    };
  const password = config.demoPassword ?? generatePassword();
  const org = await seedOrganisation(db, await hashPassword(password));
  if (config.seedDemo !== 'accounts') for (const step of demoSeedSteps) await step.run(db, org);
  return { accounts, password, passwordGenerated: !config.demoPassword, created: true };
}
