import { describe, expect, it } from 'vitest';
import { schema } from '../../src/xapi/model/schema';
import { implementation } from './dispatch';
import { NOT_IMPLEMENTED } from './not-implemented';

describe('the list of methods not implemented', () => {
  const missing = [...schema.methods.values()].filter((spec) => !implementation(spec)).map((spec) => spec.method);

  it('names every datamodel method the simulator does not implement', () => {
    expect(missing.filter((m) => !NOT_IMPLEMENTED.has(m))).toEqual([]);
  });

  it('names nothing that is implemented', () => {
    expect([...NOT_IMPLEMENTED].filter((m) => !missing.includes(m))).toEqual([]);
  });
});
