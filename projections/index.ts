import type { Projection } from '../server/projections/projection';
import { auditProjection } from './audit/audit-projection';
import { casesProjection } from './cases/cases-projection';
import { foldersProjection } from './folders/folders-projection';
import { tceInboxProjection } from './tce-inbox/tce-inbox-projection';
import { calledAeRoutesProjection } from './traffic/called-ae-routes-projection';
import { trafficProjection } from './traffic/traffic-projection';
import { sendingNodesProjection } from './nodes/nodes-projection';
import { sessionsProjection } from './sessions/sessions-projection';
import { usersProjection } from './users/users-projection';

/** Every read model Lightbox maintains. */
export const allProjections: readonly Projection[] = [usersProjection, sessionsProjection, foldersProjection, sendingNodesProjection, tceInboxProjection, trafficProjection, calledAeRoutesProjection, casesProjection, auditProjection];
