// Writes the settings generated from the rule declarations into package.json:
// the schema of the `speech.rules` setting (the same schema as "rules" in
// .speechlintrc.json), so settings.json completes rule ids and options and
// flags unknown ones; and the Settings UI's reading pace and one severity
// choice per rule (`speech.severity.<id>`), with their texts in
// package.nls.json and package.nls.zh-cn.json.
// package.json is static for VS Code, hence a committed copy:
// test/config/settingsSchema.test.ts fails when it drifts, and
// `npm run sync:settings` brings it back in line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesSchema } from '../server/src/core/config';
import { settingsContributions } from '../server/src/lsp/settings';

const root = join(__dirname, '..');
const readJson = (name: string) => JSON.parse(readFileSync(join(root, name), 'utf8'));
const writeJson = (name: string, value: unknown) => writeFileSync(join(root, name), JSON.stringify(value, null, 2) + '\n');

const manifest = readJson('package.json');
const properties: Record<string, object> = manifest.contributes.configuration.properties;
Object.assign(properties['speech.rules'], rulesSchema());
const generated = settingsContributions();
// A rule removed from the catalog takes its setting along.
for (const key of Object.keys(properties)) if (key.startsWith('speech.severity.')) delete properties[key];
Object.assign(properties, generated.properties);
const capability = manifest.capabilities.untrustedWorkspaces;
capability.restrictedConfigurations = ['speech.rules', ...generated.restricted];
writeJson('package.json', manifest);

for (const [file, texts] of [['package.nls.json', generated.nls.en], ['package.nls.zh-cn.json', generated.nls.zh]] as const) {
  const nls: Record<string, string> = readJson(file);
  for (const key of Object.keys(nls)) if (key.startsWith('config.severity.') || key === 'config.readingPace') delete nls[key];
  writeJson(file, { ...nls, ...texts });
}
