// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { SimulatorLoaderContext } from '../../app/simulator-loader';
import { ConnectPage } from './connect-page';

beforeAll(() => initI18n());
afterEach(cleanup);

describe('ConnectPage', () => {
  it('has the simulator build a scenario as soon as the person picks it', () => {
    const asked: (string | undefined)[] = [];
    render(
      <SimulatorLoaderContext.Provider
        value={async (scenario) => {
          asked.push(scenario);
        }}
      >
        <ConnectPage />
      </SimulatorLoaderContext.Provider>,
    );
    expect(asked).toEqual([]);
    fireEvent.change(screen.getByLabelText('Scenario'), { target: { value: 'large' } });
    expect(asked).toEqual(['large']);
  });
});
