/**
 * A VM's or a host's console, on its tab or in a window of its own: the banner when
 * the VM is not running, else the toolbar, the connection in words, and the screen
 * (xterm.js or noVNC, each a chunk loaded the first time it shows).
 */
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { ConnectionStatus } from './connection-status';
import { type ConsoleMode, type ConsoleOwnerClass, shownMode } from './console-choice';
import { ConsoleToolbar } from './console-toolbar';
import { PowerBanner } from './power-banner';
import type { GraphicalScreenHandle, TextScreenHandle } from './screen-handle';
import { useClipboard } from './use-clipboard';
import { useConsoleLink } from './use-console-link';
import { type ConsoleTarget, consolesOfTarget, useConsoleTarget } from './use-console-target';
import { useFocusRecovery } from './use-focus-recovery';
import { useFullscreen } from './use-fullscreen';
import './console.css';

const TextScreen = lazy(() => import('./text-screen').then((m) => ({ default: m.TextScreen })));
const GraphicalScreen = lazy(() => import('./graphical-screen').then((m) => ({ default: m.GraphicalScreen })));

interface Props {
  poolId: string;
  cls: ConsoleOwnerClass;
  objectRef: string;
  /** In the console's own window: no button to open another. */
  windowed?: boolean;
  /** The console to open on, when the person chose one before (the window's address). */
  initialMode?: ConsoleMode;
}

export function ConsoleView({ poolId, cls, objectRef, windowed = false, initialMode }: Props) {
  const { t } = useTranslation('console');
  const target = useConsoleTarget(poolId, cls, objectRef);
  if (target.kind !== 'vm') return <p>{t(`none.${target.kind}`)}</p>;
  if (target.vmRef === undefined) return <p role="status">{t(cls === 'host' ? 'none.noVm' : 'loading')}</p>;
  return (
    <ConsoleArea
      poolId={poolId}
      cls={cls}
      target={target}
      vmRef={target.vmRef}
      windowed={windowed}
      initialMode={initialMode}
    />
  );
}

interface AreaProps {
  poolId: string;
  cls: ConsoleOwnerClass;
  target: ConsoleTarget;
  vmRef: string;
  windowed: boolean;
  initialMode: ConsoleMode | undefined;
}

function ConsoleArea({ poolId, cls, target, vmRef, windowed, initialMode }: AreaProps) {
  const { t } = useTranslation('console');
  const [chosen, setChosen] = useState(initialMode);
  const [scale, setScale] = useState(true);
  const [textHandle, setTextHandle] = useState<TextScreenHandle>();
  const [graphicalHandle, setGraphicalHandle] = useState<GraphicalScreenHandle>();
  const [hasSelection, setHasSelection] = useState(false);
  const area = useRef<HTMLElement>(null);
  const toolbar = useRef<HTMLFieldSetElement>(null);
  const hintId = useId();
  const fullScreen = useFullscreen(area);
  const clipboard = useClipboard(textHandle);

  const available = consolesOfTarget(target);
  const modes = (['text', 'graphical'] as const).filter((each) => available[each] !== undefined);
  const mode = shownMode(chosen, available, cls);
  const running = target.powerState === 'Running';
  const { link, state } = useConsoleLink(poolId, vmRef, running && mode ? available[mode] : undefined);
  const { name, powerState } = target;

  // Back to where Tab would reach the toolbar: the chosen console's radio, else the first button.
  const leave = () => toolbar.current?.querySelector<HTMLElement>('input:checked, button')?.focus();
  const openWindow = () =>
    window.open(
      paths.consoleWindow(poolId, cls, target.uuid, mode),
      `xenith-console-${target.uuid}`,
      'popup,width=1100,height=900',
    );
  let ctrlAltDelReason: string | undefined;
  if (mode === 'text') ctrlAltDelReason = t(cls === 'host' ? 'reason.hostCtrlAltDel' : 'reason.textCtrlAltDel');
  else if (state.kind !== 'connected' || !graphicalHandle) ctrlAltDelReason = t('reason.notConnected');

  const bannerShown = powerState !== undefined && powerState !== 'Running';
  const shown = bannerShown ? 'banner' : !link || !mode ? 'waiting' : 'console';
  // The VM stopped under the keyboard: Start is what the person wants next.
  useFocusRecovery(area, shown, () => area.current?.querySelector<HTMLElement>('.console-banner button'));

  let body: React.ReactNode;
  if (powerState !== undefined && powerState !== 'Running') {
    body = <PowerBanner poolId={poolId} vmRef={vmRef} name={name} powerState={powerState} />;
  } else if (!link || !mode) {
    body = <p role="status">{t('power.waitingForConsole', { name })}</p>;
  } else {
    const screen = {
      link,
      scale,
      hintId,
      onLeave: leave,
      label: t(mode === 'text' ? 'screen.text' : 'screen.graphical', { name }),
    };
    body = (
      <>
        <ConsoleToolbar
          ref={toolbar}
          modes={modes}
          mode={mode}
          onMode={(next) => {
            clipboard.clearMessage();
            setChosen(next);
          }}
          ctrlAltDelReason={ctrlAltDelReason}
          onCtrlAltDel={() => graphicalHandle?.sendCtrlAltDel()}
          scale={scale}
          onScale={setScale}
          fullScreen={fullScreen}
          onOpenWindow={windowed ? undefined : openWindow}
          clipboard={
            mode === 'text'
              ? {
                  copyReason: hasSelection ? undefined : t('reason.noSelection'),
                  pasteReason: state.kind === 'connected' ? undefined : t('reason.notConnected'),
                  onCopy: clipboard.copy,
                  onPaste: clipboard.paste,
                }
              : undefined
          }
        />
        <ConnectionStatus state={state} owner={cls} onRetry={() => link.retry()} />
        {/* Mounted before any message, so each one is announced as its words change. */}
        <p role="status" className="console-message">
          {clipboard.message && !clipboard.message.error && t(`clipboard.${clipboard.message.key}`)}
        </p>
        <p role="alert" className="console-message">
          {clipboard.message?.error && t(`clipboard.${clipboard.message.key}`)}
        </p>
        <p id={hintId} className="console-hint">
          {t('screen.keyboardHint', { name })}
        </p>
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          {mode === 'text' ? (
            <TextScreen
              {...screen}
              inputLabel={t('screen.terminalInput')}
              onHandle={setTextHandle}
              onSelectionChange={setHasSelection}
            />
          ) : (
            <GraphicalScreen {...screen} onHandle={setGraphicalHandle} />
          )}
        </Suspense>
      </>
    );
  }
  return (
    <section
      ref={area}
      className={windowed ? 'console-view console-windowed' : 'console-view'}
      // Where the focus goes when what held it has gone and nothing better is there.
      tabIndex={-1}
      aria-label={t('regionLabel', { name })}
    >
      {body}
    </section>
  );
}
