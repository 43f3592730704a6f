import { parseAeTitle } from '../nodes/sending-node';
import { assertNever, type Decider } from '../shared/decider';

/**
 * A called AE title that files what is sent to it into one folder (tce.md §6 rule 2): e.g. a PACS sends
 * neuro cases to `LB_NEURO` and they land in the neuroradiology teaching folder.
 */
export type CalledAeRouteEvent =
  | { type: 'CalledAeRouteSet'; data: { aeTitle: string; folderId: string; at: string } }
  | { type: 'CalledAeRouteRemoved'; data: { aeTitle: string; at: string } };

export type CalledAeRouteCommand =
  | { type: 'SetCalledAeRoute'; aeTitle: string; folderId: string; at: string }
  | { type: 'RemoveCalledAeRoute'; aeTitle: string; at: string };

export type CalledAeRouteState = { folderId: string | null };

export const calledAeRouteStreamId = (aeTitle: string) => `called-ae-route-${parseAeTitle(aeTitle)}`;

export const calledAeRouteDecider: Decider<CalledAeRouteCommand, CalledAeRouteEvent, CalledAeRouteState> = {
  initialState: () => ({ folderId: null }),
  decide(command, state) {
    switch (command.type) {
      case 'SetCalledAeRoute':
        if (state.folderId === command.folderId) return [];
        return [{ type: 'CalledAeRouteSet', data: { aeTitle: parseAeTitle(command.aeTitle), folderId: command.folderId, at: command.at } }];
      case 'RemoveCalledAeRoute':
        if (state.folderId === null) return [];
        return [{ type: 'CalledAeRouteRemoved', data: { aeTitle: parseAeTitle(command.aeTitle), at: command.at } }];
      default:
        return assertNever(command);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'CalledAeRouteSet':
        return { folderId: event.data.folderId };
      case 'CalledAeRouteRemoved':
        return { folderId: null };
      default:
        return assertNever(event);
    }
  },
};
