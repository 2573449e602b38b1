// The real server, configured from the environment as src/main.ts is, with the moderation
// pipeline replaced by approveAll: bench/posting.ts's baseline for posting without the
// pipeline. Only code can do this (buildApp's overrides); no setting turns the pipeline off.
import { buildApp } from '../src/app.ts';
import { approveAll } from '../src/comments/service.ts';
import { loadConfig } from '../src/config.ts';

const config = loadConfig();
const app = await buildApp(config, { moderate: approveAll });
await app.http.listen({ port: config.port, host: config.host });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
