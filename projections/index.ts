import type { Projection } from '../server/projections/projection';
import { auditProjection } from './audit/audit-projection';
import { foldersProjection } from './folders/folders-projection';
import { sendingNodesProjection } from './nodes/nodes-projection';
import { sessionsProjection } from './sessions/sessions-projection';
import { usersProjection } from './users/users-projection';

/** Every read model Lightbox maintains. */
export const allProjections: readonly Projection[] = [usersProjection, sessionsProjection, foldersProjection, sendingNodesProjection, auditProjection];
