// Writes the JSON schema of .speechlintrc.json from the rule declarations, so
// the schema VS Code validates with can never drift from the rules.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../server/src/core/config';

const out = join(__dirname, '..', 'dist', 'speechlintrc.schema.json');
mkdirSync(join(__dirname, '..', 'dist'), { recursive: true });
writeFileSync(out, JSON.stringify(configSchema(), null, 2) + '\n');
