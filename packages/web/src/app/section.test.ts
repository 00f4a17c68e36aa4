import { describe, expect, it } from 'vitest';
import { menuFor } from './menu';
import { pageRoutes } from './routes';
import { sectionOf } from './section';

const member = menuFor({ 'proposals.create': true });
const staff = menuFor({ 'proposals.review': true, 'proposals.overview': true, 'unit.browse': true });
const handler = menuFor({ 'proposals.handle': true });
const within = (path: string) => pageRoutes.find((r) => r.path === path)?.within;

const keyOf = (entries: typeof member, pathname: string, route: string, cameFrom?: string) =>
  sectionOf(entries, pathname, within(route), cameFrom)?.entry.key;

describe('the section a page belongs to', () => {
  it('is the menu entry of a page that has one', () => {
    expect(sectionOf(staff, '/proposals/review', undefined, '/proposals')).toMatchObject({
      entry: { key: 'proposal-review' },
      own: true,
    });
    expect(sectionOf(member, '/', undefined, undefined)?.entry.key).toBe('home');
  });

  it("is, for a proposal's page, the list it was opened from", () => {
    expect(keyOf(staff, '/proposals/12', '/proposals/:id', '/proposals/review')).toBe('proposal-review');
    expect(keyOf(member, '/proposals/12', '/proposals/:id', '/proposals/cosign')).toBe('proposal-cosign');
    expect(keyOf(handler, '/proposals/12', '/proposals/:id', '/proposals/overdue')).toBe('proposal-overdue');
  });

  it("is, for a proposal's page opened from elsewhere, the role's proposal list", () => {
    expect(sectionOf(staff, '/proposals/12', within('/proposals/:id'), '/')).toMatchObject({
      entry: { key: 'proposal-work' },
      own: false,
    });
    expect(keyOf(member, '/proposals/12', '/proposals/:id', '/notifications')).toBe('my-proposals');
    expect(keyOf(handler, '/proposals/12', '/proposals/:id', undefined)).toBe('unit-work');
    expect(keyOf(member, '/proposals/new', '/proposals/new', undefined)).toBe('my-proposals');
    expect(keyOf(member, '/proposals/3/edit', '/proposals/:id/edit', '/proposals/3')).toBe('my-proposals');
  });

  it("is, for an activity's pages, the activity list the user works from", () => {
    const staffActivities = menuFor({
      'activities.manage': true,
      'activities.overview': true,
      'activities.decideLeave': true,
    });
    const leader = menuFor({ 'activities.overview': true, 'activities.decideLeave': true });
    const attendee = menuFor({ 'activities.attend': true });
    expect(keyOf(staffActivities, '/activities/4', '/activities/:id', '/activities/leave')).toBe(
      'activity-leave',
    );
    expect(keyOf(staffActivities, '/activities/4', '/activities/:id', '/')).toBe('activities');
    expect(keyOf(staffActivities, '/activities/new', '/activities/new', undefined)).toBe('activities');
    expect(keyOf(staffActivities, '/activities/4/sign-in-screen', '/activities/:id/sign-in-screen')).toBe(
      'activities',
    );
    expect(keyOf(attendee, '/activities/4', '/activities/:id', '/notifications')).toBe('my-activities');
    expect(keyOf(attendee, '/activities/4/sign-in', '/activities/:id/sign-in', undefined)).toBe(
      'my-activities',
    );
    // A leader reaches the attendance rows from a figure; they belong to the figures there.
    expect(keyOf(leader, '/activities/attendance', '/activities/attendance', '/activities/figures')).toBe(
      'activity-figures',
    );
    expect(sectionOf(staffActivities, '/activities/attendance', undefined, undefined)).toMatchObject({
      entry: { key: 'activity-attendance' },
      own: true,
    });
  });

  it('is, for a page that names no lists, the entry whose path leads to it', () => {
    expect(keyOf(staff, '/proposals/followups', '/proposals/followups', undefined)).toBe('proposal-work');
    expect(keyOf(staff, '/units/7', '/nothing', undefined)).toBe('units');
    expect(sectionOf(member, '/elsewhere', undefined, undefined)).toBeUndefined();
  });
});
