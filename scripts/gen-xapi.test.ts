import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datamodelPath, factoriesPath, generate, generateFactories, schemaPath, typesPath } from './gen-xapi';

// The datamodel lives beside the project (../shared), as in CI; a bare clone has only the output.
describe.runIf(existsSync(datamodelPath))('generated XAPI types', () => {
  it('match ../shared/xapi/datamodel.json (run `npm run gen:xapi` when this fails)', () => {
    const datamodel = JSON.parse(readFileSync(datamodelPath, 'utf8'));
    const { types, schema } = generate(datamodel);
    expect(readFileSync(typesPath, 'utf8')).toBe(types);
    expect(readFileSync(schemaPath, 'utf8')).toBe(schema);
    expect(readFileSync(factoriesPath, 'utf8')).toBe(generateFactories(datamodel));
  });

  it('type every message with its params after the session', () => {
    const types = readFileSync(typesPath, 'utf8');
    expect(types).toContain(
      `"VM.start": { params: [vm: Ref<'VM'>, start_paused: boolean, force: boolean]; result: void };`,
    );
    expect(types).toContain('VM_BAD_POWER_STATE: [vm: string, expected: string, actual: string];');
  });
});
