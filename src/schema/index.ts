import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './client.js';
import './token.js';
import './user.js';
import './flow.js';
import './stats.js';
import './deletion.js';
import './client-lifecycle.js';
import './job.js';
import './audit.js';
import './backup.js';
import './inspect.js';
import './indexes.js';
import './gateway-events.js';

/** The whole schema, sorted so the printed SDL is stable. */
export const schema = lexicographicSortSchema(builder.toSchema());
