import { builder } from '../builder';
import './auth';
import './audit';
import './case';
import './folder';
import './sending-node';
import './ingest-status';
import './user';

export const schema = builder.toSchema();
