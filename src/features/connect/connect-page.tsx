import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConnectPrefill, navigate, paths } from '../../app/routes';
import { useSimulatorLoader } from '../../app/simulator-loader';
import { Button } from '../../components/button';
import { connectPool, labelFor, type PoolTarget, SIMULATOR_CREDENTIALS } from '../../store/connections';
import { awaitPoolUuid } from './await-pool';
import { LoginError } from './login-error';

const SCENARIOS = ['demo', 'large'] as const;

type Phase = { kind: 'editing' } | { kind: 'connecting' } | { kind: 'loading' } | { kind: 'failed'; error: unknown };

/**
 * The connect screen: the built-in simulator (the default, with a scenario) or a real
 * pool by address, and the credentials. On success it opens the new pool's page;
 * on failure it says why in words and keeps what was typed.
 */
export function ConnectPage({ prefill }: { prefill?: ConnectPrefill }) {
  const { t } = useTranslation('connect');
  const startSimulator = useSimulatorLoader();
  const ids = { title: useId(), address: useId(), user: useId(), password: useId(), scenario: useId(), error: useId() };
  const [kind, setKind] = useState<PoolTarget['kind']>(prefill && 'address' in prefill ? 'pool' : 'simulator');
  const [scenario, setScenario] = useState(prefill && 'scenario' in prefill ? prefill.scenario : 'demo');
  const [address, setAddress] = useState(prefill && 'address' in prefill ? prefill.address : '');
  const [user, setUser] = useState(SIMULATOR_CREDENTIALS.user);
  const [password, setPassword] = useState(kind === 'simulator' ? SIMULATOR_CREDENTIALS.password : '');
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  // Leaving the page stops waiting for the pool to load (the connection itself carries on).
  const leaving = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);

  const chooseKind = (next: PoolTarget['kind']) => {
    setKind(next);
    // The simulator's account is known; a real pool's password is never assumed.
    setPassword(next === 'simulator' ? SIMULATOR_CREDENTIALS.password : '');
  };

  const chooseScenario = (next: string) => {
    setScenario(next);
    // Built while the person finishes the form; a failure to start shows when they connect.
    startSimulator(next).catch(() => undefined);
  };

  const target: PoolTarget = kind === 'simulator' ? { kind, scenario } : { kind, address: address.trim() };
  const missing = kind === 'pool' && !address.trim() ? t('addressRequired') : undefined;
  const busy = phase.kind === 'connecting' || phase.kind === 'loading';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (missing || busy) return;
    setPhase({ kind: 'connecting' });
    try {
      if (target.kind === 'simulator') await startSimulator();
      const poolId = await connectPool(target, { user, password });
      setPhase({ kind: 'loading' });
      const uuid = await awaitPoolUuid(poolId, leaving.current.signal);
      navigate(paths.object(poolId, 'pool', uuid), { replace: true });
    } catch (error) {
      if (!leaving.current.signal.aborted) setPhase({ kind: 'failed', error });
    }
  };

  return (
    <section className="connect-page" aria-labelledby={ids.title}>
      <h1 id={ids.title}>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form
        className="connect-form"
        onSubmit={submit}
        aria-describedby={phase.kind === 'failed' ? ids.error : undefined}
      >
        <fieldset>
          <legend>{t('target')}</legend>
          <label className="choice">
            <input type="radio" name="target" checked={kind === 'simulator'} onChange={() => chooseKind('simulator')} />
            <span>
              {t('simulator')}
              <span className="choice-hint">{t('simulatorHint')}</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="target" checked={kind === 'pool'} onChange={() => chooseKind('pool')} />
            <span>
              {t('pool')}
              <span className="choice-hint">{t('poolHint')}</span>
            </span>
          </label>
        </fieldset>

        {kind === 'simulator' ? (
          <div className="field-row">
            <label htmlFor={ids.scenario}>{t('scenario')}</label>
            <select id={ids.scenario} value={scenario} onChange={(event) => chooseScenario(event.target.value)}>
              {SCENARIOS.map((name) => (
                <option key={name} value={name}>
                  {t(`scenarios.${name}`)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field-row">
            <label htmlFor={ids.address}>{t('address')}</label>
            <input
              id={ids.address}
              value={address}
              placeholder={t('addressPlaceholder')}
              autoComplete="url"
              onChange={(event) => setAddress(event.target.value)}
            />
          </div>
        )}
        <div className="field-row">
          <label htmlFor={ids.user}>{t('user')}</label>
          <input id={ids.user} value={user} autoComplete="username" onChange={(event) => setUser(event.target.value)} />
        </div>
        <div className="field-row">
          <label htmlFor={ids.password}>{t('password')}</label>
          <input
            id={ids.password}
            type="password"
            value={password}
            autoComplete="current-password"
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>

        {phase.kind === 'failed' && (
          <div id={ids.error} role="alert" className="form-error">
            <strong>{t('failed')}</strong>{' '}
            <LoginError error={phase.error} address={target.kind === 'pool' ? target.address : labelFor(target)} />
          </div>
        )}
        {phase.kind === 'loading' && (
          <p role="status" className="muted">
            {t('loadingPool')}
          </p>
        )}

        <div className="form-actions">
          <Button onClick={() => navigate(paths.home())}>{t('cancel')}</Button>
          <Button type="submit" variant="primary" disabledReason={missing} disabled={busy}>
            {phase.kind === 'connecting' ? t('connecting') : t('connect')}
          </Button>
        </div>
      </form>
    </section>
  );
}
