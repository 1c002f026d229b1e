import type { FastifyInstance } from 'fastify';
import type { AdminKit } from '../admin-plugin.js';
import { people, topics, types, menus } from './simple-resources.js';
import { registerSimpleResource } from './simple-resource-routes.js';
import { registerPageRoutes } from './page-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';

/*
 * Site structure: people, topics, publication types, menus (one generic "simple table"
 * editor), static pages (rich text) and the settings form. Every change is checked with
 * `can`, audited in its transaction and followed by `contentChanged()`.
 */
export function registerStructureRoutes(admin: FastifyInstance, kit: AdminKit) {
  registerSimpleResource(admin, kit, people);
  registerSimpleResource(admin, kit, topics);
  registerSimpleResource(admin, kit, types);
  registerSimpleResource(admin, kit, menus);
  registerPageRoutes(admin, kit);
  registerSettingsRoutes(admin, kit);
}
