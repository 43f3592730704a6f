import { trafficDecider, trafficStreamId, type TrafficEvent } from '../../domain/ingest/traffic';
import type { CommandContext, EventLog } from '../events/event-log';

/** Records a traffic fact. Facts need no concurrency check, so the day's stream is appended to with `any`. */
export async function recordTraffic(log: EventLog, event: TrafficEvent, context: CommandContext): Promise<void> {
  const at = 'at' in event.data ? event.data.at : event.data.endedAt;
  await log.append(trafficStreamId(at), trafficDecider.decide({ type: 'RecordTraffic', event }, null), 'any', context);
}
