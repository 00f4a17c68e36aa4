import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AssignmentHints } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { proposals, proposalUnits, units } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { indexTerms } from '../../lib/chinese-text';
import { authorize, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { trainClassifier, type TextClassifier } from '../../lib/text-classifier';

/**
 * Handling units and a category for proposals at review and assignment, learned from the committee's
 * own past: which unit led each earlier proposal, which category staff gave it (lib/text-classifier.ts).
 * `npm run eval:search` measures them on the labelled set.
 */

/** A proposal's words as the classifier reads them: the title's count twice, it names the matter. */
export function classifierTerms(title: string, content: string): string[] {
  const titleTerms = indexTerms(title);
  return [...titleTerms, ...titleTerms, ...indexTerms(content)];
}

/** The most recent proposals learned from: enough for years of a county's work, bounded in memory. */
const trainingCap = 3000;
const modelTtlMs = 10 * 60_000;
const shownUnits = 3;
const shownCategories = 3;

interface Models {
  units: TextClassifier;
  categories: TextClassifier;
  at: number;
}
const models = new Map<number, Models>();

/** States in which a proposal's category is staff's decision (立案 or later). */
const acceptedStates = ['accepted', 'assigned', 'answered', 'rehandling', 'closed'];

async function trainModels(db: DbOrTx, committeeId: number): Promise<Models> {
  const accepted = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      content: proposals.content,
      category: proposals.category,
    })
    .from(proposals)
    .where(and(eq(proposals.committeeId, committeeId), inArray(proposals.state, acceptedStates)))
    .orderBy(desc(proposals.id))
    .limit(trainingCap);
  const ids = accepted.map((p) => p.id);
  // The unit that led (主办) or, for a proposal split between units (分办), each of them.
  const handlers =
    ids.length === 0
      ? []
      : await db
          .select({ proposalId: proposalUnits.proposalId, unitId: proposalUnits.unitId })
          .from(proposalUnits)
          .innerJoin(units, eq(units.id, proposalUnits.unitId))
          .where(
            and(
              eq(proposalUnits.committeeId, committeeId),
              inArray(proposalUnits.proposalId, ids),
              inArray(proposalUnits.role, ['lead', 'separate']),
              eq(proposalUnits.active, true),
              eq(units.active, true),
            ),
          );
  const unitsOf = new Map<number, number[]>();
  for (const h of handlers) unitsOf.set(h.proposalId, [...(unitsOf.get(h.proposalId) ?? []), h.unitId]);
  const termsOf = new Map(accepted.map((p) => [p.id, classifierTerms(p.title, p.content)]));
  return {
    units: trainClassifier(
      accepted.flatMap((p) =>
        (unitsOf.get(p.id) ?? []).map((u) => ({ terms: termsOf.get(p.id)!, label: String(u) })),
      ),
    ),
    categories: trainClassifier(accepted.map((p) => ({ terms: termsOf.get(p.id)!, label: p.category }))),
    at: Date.now(),
  };
}

/**
 * The committee's models, learned again at most every few minutes (a day's assignments move them
 * little). Stale models answer while fresh ones are learned; the background job of main.ts keeps them
 * fresh, so a request learns them only the first time a committee asks.
 */
async function modelsOf(db: DbOrTx, committeeId: number): Promise<Models> {
  const cached = models.get(committeeId);
  if (cached && Date.now() - cached.at < modelTtlMs) return cached;
  if (cached) {
    if (!learning.has(committeeId)) void refreshAssignmentModels(db, committeeId).catch(() => undefined);
    return cached;
  }
  return refreshAssignmentModels(db, committeeId);
}

const learning = new Map<number, Promise<Models>>();

/** Learns the committee's models again now (once at a time per committee). */
export function refreshAssignmentModels(db: DbOrTx, committeeId: number): Promise<Models> {
  const running = learning.get(committeeId);
  if (running) return running;
  const fresh = trainModels(db, committeeId)
    .then((m) => {
      models.set(committeeId, m);
      return m;
    })
    .finally(() => learning.delete(committeeId));
  learning.set(committeeId, fresh);
  return fresh;
}

/** Forgets the learned models (tests that assign proposals and ask at once). */
export function forgetAssignmentModels() {
  models.clear();
}

const rounded = (n: number) => Math.round(n * 100) / 100;

/** Staff's suggestions for proposals of their committee; ids of other committees' proposals are left out. */
export async function assignmentHints(
  ctx: ServiceContext,
  proposalIds: readonly number[],
): Promise<AssignmentHints> {
  const { db, actor } = ctx;
  authorize(actor, 'review', 'proposals', collectionOf(actor));
  const rows = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      content: proposals.content,
      suggestedUnitIds: proposals.suggestedUnitIds,
    })
    .from(proposals)
    .where(
      and(
        eq(proposals.committeeId, actor.committeeId),
        inArray(proposals.id, [...proposalIds]),
        // Staff never see drafts (policies/proposal.ts): nor are they suggested for.
        sql`${proposals.state} not in ('draft', 'cosigning')`,
      ),
    );
  const [model, settings, active] = await Promise.all([
    modelsOf(db, actor.committeeId),
    getSettings(db, actor.committeeId),
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.committeeId, actor.committeeId), eq(units.active, true))),
  ]);
  const unitNames = new Map(active.map((u) => [String(u.id), u.name]));
  const categories = new Set(settings.proposalCategories);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = proposalIds.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const terms = classifierTerms(p.title, p.content);
    return [
      {
        proposalId: id,
        proposerSuggested: p.suggestedUnitIds
          .filter((u) => unitNames.has(String(u)))
          .map((u) => ({ id: u, name: unitNames.get(String(u))! })),
        units: model.units
          .rank(terms)
          .filter((r) => unitNames.has(r.label))
          .slice(0, shownUnits)
          .map((r) => ({
            id: Number(r.label),
            name: unitNames.get(r.label)!,
            confidence: rounded(r.confidence),
          })),
        categories: model.categories
          .rank(terms)
          .filter((r) => categories.has(r.label))
          .slice(0, shownCategories)
          .map((r) => ({ category: r.label, confidence: rounded(r.confidence) })),
      },
    ];
  });
  return {
    items,
    learnedFromAssigned: model.units.examples,
    learnedFromAccepted: model.categories.examples,
  };
}
