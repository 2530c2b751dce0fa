/**
 * The provider registry is the one description of each vendor; what cannot be derived from it
 * at run time (the static extension manifest) must agree with it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_ENV_VARS, settingsFromEnvironment } from '../../src/app/environment-config';
import { parseCouncilSettings } from '../../src/extension/parse-council-settings';
import { providerCatalog } from '../../src/extension/provider-catalog';
import {
  defaultCouncilSpecs,
  providerDisplayName,
  VENDORS,
} from '../../src/providers/provider-registry';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
const settings = manifest.contributes.configuration.properties;

describe('the provider registry', () => {
  it("is the manifest's default council", () => {
    assert.deepEqual(settings['multiLlm.participants']?.default, defaultCouncilSpecs());
  });

  it('names an installed SDK for each vendor, and only vendors have a base URL setting', () => {
    for (const vendor of VENDORS) assert.ok(manifest.dependencies[vendor.sdk.module], vendor.id);
    const baseUrlSettings = Object.keys(settings)
      .map((key) => /^multiLlm\.([^.]+)\.baseUrl$/.exec(key)?.[1])
      .filter((id) => id !== undefined);
    for (const id of baseUrlSettings)
      assert.ok(
        VENDORS.some((vendor) => vendor.id === id),
        id,
      );
  });

  it('feeds every host: environment, settings, the panel and the names', () => {
    const env = Object.fromEntries(VENDORS.map((vendor) => [vendor.baseUrlEnvVar, 'http://x']));
    assert.deepEqual(
      Object.keys(settingsFromEnvironment(env).baseUrls),
      VENDORS.map((v) => v.id),
    );
    assert.deepEqual(
      Object.keys(KEY_ENV_VARS),
      VENDORS.map((v) => v.id),
    );
    const fromSettings = parseCouncilSettings((key) =>
      key.endsWith('.baseUrl') ? 'http://y' : undefined,
    );
    assert.deepEqual(
      Object.keys(fromSettings.baseUrls),
      VENDORS.map((v) => v.id),
    );
    assert.deepEqual(
      providerCatalog(fromSettings).map((entry) => entry.providerId),
      VENDORS.map((v) => v.id),
    );
    for (const vendor of VENDORS) assert.equal(providerDisplayName(vendor.id), vendor.displayName);
  });
});
