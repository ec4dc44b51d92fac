// Writes the schema of the `speech.rules` setting into package.json from the
// rule declarations (the same schema as "rules" in .speechlintrc.json), so
// settings.json completes rule ids and options and flags unknown ones.
// package.json is static for VS Code, hence a committed copy:
// test/config/settingsSchema.test.ts fails when it drifts, and
// `npm run sync:settings` brings it back in line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesSchema } from '../server/src/core/config';

const file = join(__dirname, '..', 'package.json');
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const setting = manifest.contributes.configuration.properties['speech.rules'];
Object.assign(setting, rulesSchema());
writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
