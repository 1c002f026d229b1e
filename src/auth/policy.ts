import type { PublicationStatus, Role } from '../db/schema.js';

/**
 * Every authorisation rule in Dossier, in one place. Routes ask `can(actor, action, target)`;
 * nothing else decides who may do what. A table-driven test covers every role × action.
 */
export type Action =
  | 'admin.enter'
  | 'publication.create'
  | 'publication.view'
  | 'publication.edit'
  | 'publication.delete'
  | 'publication.submit'
  | 'publication.withdraw'
  | 'publication.publish'
  | 'publication.unpublish'
  | 'publication.viewAll'
  | 'media.upload'
  | 'media.edit'
  | 'media.delete'
  | 'structure.manage'
  | 'settings.manage'
  | 'users.manage'
  | 'audit.view'
  | 'newsletter.send'
  | 'subscribers.view'
  | 'subscribers.delete'
  | 'subscribers.export'
  | 'events.manage'
  | 'registrations.view'
  | 'registrations.export'
  | 'podcast.manage'
  | 'press.manage';

export interface Actor {
  id: number;
  role: Role;
}

/** What a publication rule needs to know about the publication. */
export interface PublicationTarget {
  ownerUserId: number | null;
  status: PublicationStatus;
}

const EDITORS: readonly Role[] = ['admin', 'editor'];

function isEditor(actor: Actor): boolean {
  return EDITORS.includes(actor.role);
}

function owns(actor: Actor, target: PublicationTarget | undefined): boolean {
  return target !== undefined && target.ownerUserId === actor.id;
}

/** Writers (authors, contributors) work on their own drafts; review belongs to editors. */
function ownDraft(actor: Actor, target: PublicationTarget | undefined): boolean {
  return owns(actor, target) && target?.status === 'draft';
}

const rules: Record<Action, (actor: Actor, target?: PublicationTarget) => boolean> = {
  'admin.enter': () => true,
  'publication.create': () => true,
  'publication.viewAll': isEditor,
  'publication.view': (a, t) => isEditor(a) || owns(a, t),
  'publication.edit': (a, t) => isEditor(a) || ownDraft(a, t),
  'publication.delete': (a, t) => isEditor(a) || ownDraft(a, t),
  'publication.submit': (a, t) => (isEditor(a) || (a.role === 'author' && owns(a, t))) && t?.status === 'draft',
  'publication.withdraw': (a, t) => (isEditor(a) || (a.role === 'author' && owns(a, t))) && t?.status === 'review',
  'publication.publish': (a, t) => isEditor(a) && t !== undefined && t.status !== 'published',
  'publication.unpublish': (a, t) => isEditor(a) && (t?.status === 'published' || t?.status === 'scheduled'),
  'media.upload': () => true,
  'media.edit': isEditor,
  'media.delete': isEditor,
  'structure.manage': isEditor,
  'settings.manage': (a) => a.role === 'admin',
  'users.manage': (a) => a.role === 'admin',
  'audit.view': (a) => a.role === 'admin',
  'newsletter.send': isEditor,
  'subscribers.view': isEditor,
  'subscribers.delete': isEditor,
  // A file of every address leaves the system for good; only admins may take one.
  'subscribers.export': (a) => a.role === 'admin',
  'events.manage': isEditor,
  'registrations.view': isEditor,
  // Attendee lists hold personal data, like the subscriber list.
  'registrations.export': isEditor,
  'podcast.manage': isEditor,
  /** Media mentions and the video gallery. */
  'press.manage': isEditor,
};

export function can(actor: Actor, action: Action, target?: PublicationTarget): boolean {
  return rules[action](actor, target);
}

export const ACTIONS = Object.keys(rules) as Action[];
