import { assertNever, type Decider } from '../shared/decider';

/**
 * What happened on the wire, for the ingest status page and the audit (tce.md §5 items 15, 17, 19): who
 * connected, what was stored or refused and why. Kept as facts about the traffic, never stamped into datasets.
 */
export type TrafficEvent =
  | {
      type: 'AssociationEnded';
      data: {
        associationId: string;
        transport: 'dimse' | 'stow-rs';
        callingAet: string;
        calledAet: string;
        peerAddress: string;
        nodeId: string | null;
        openedAt: string;
        endedAt: string;
        stored: number;
        failed: number;
        bytes: number;
        aborted: boolean;
      };
    }
  | { type: 'AssociationRefused'; data: { callingAet: string; calledAet: string; peerAddress: string; reason: string; at: string } }
  | {
      type: 'InstanceRefused';
      data: { associationId: string; transport: 'dimse' | 'stow-rs'; sopInstanceUid: string | null; status: number; code: string; reason: string; at: string };
    };

export type TrafficCommand = { type: 'RecordTraffic'; event: TrafficEvent };

/** One stream per day; facts are recorded as reported. */
export const trafficStreamId = (at: string) => `dicom-traffic-${at.slice(0, 10)}`;

export const trafficDecider: Decider<TrafficCommand, TrafficEvent, null> = {
  initialState: () => null,
  decide(command) {
    switch (command.type) {
      case 'RecordTraffic':
        return [command.event];
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state) => state,
};
