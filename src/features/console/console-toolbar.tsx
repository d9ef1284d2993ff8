/**
 * The console's toolbar: which console (text or graphical, where the VM has both),
 * Ctrl+Alt+Del, scale to fit, full screen, a window of its own, and copy and paste on
 * the text console. Every button has a name, and one that cannot act says why.
 */
import { type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import type { ConsoleMode } from './console-choice';

export interface ToolbarProps {
  ref: Ref<HTMLFieldSetElement>;
  modes: readonly ConsoleMode[];
  mode: ConsoleMode;
  onMode(mode: ConsoleMode): void;
  /** Why Ctrl+Alt+Del cannot be sent now, or undefined when it can. */
  ctrlAltDelReason: string | undefined;
  onCtrlAltDel(): void;
  scale: boolean;
  onScale(scale: boolean): void;
  fullScreen: { active: boolean; available: boolean; toggle(): void };
  /** Absent in the console's own window. */
  onOpenWindow?: () => void;
  /** Copy and paste, on the text console only. */
  clipboard?: { copyReason: string | undefined; pasteReason: string | undefined; onCopy(): void; onPaste(): void };
}

export function ConsoleToolbar(props: ToolbarProps) {
  const { t } = useTranslation('console');
  const { ref, modes, mode, onMode, fullScreen, clipboard } = props;
  // Radios are grouped by name across the whole page: two consoles' must not share one.
  const radioName = useId();
  return (
    // A group (a fieldset), not a toolbar: a toolbar promises arrow keys between its
    // controls, and Tab between them is what every other control on the page does.
    <fieldset ref={ref} aria-label={t('toolbar.label')} className="console-toolbar">
      {modes.length > 1 && (
        <fieldset className="console-modes">
          <legend className="visually-hidden">{t('mode.label')}</legend>
          {modes.map((each) => (
            <label key={each}>
              <input type="radio" name={radioName} value={each} checked={each === mode} onChange={() => onMode(each)} />
              {t(`mode.${each}`)}
            </label>
          ))}
        </fieldset>
      )}
      <Button disabledReason={props.ctrlAltDelReason} onClick={props.onCtrlAltDel}>
        {t('toolbar.ctrlAltDel')}
      </Button>
      <Button aria-pressed={props.scale} onClick={() => props.onScale(!props.scale)}>
        {t('toolbar.scale')}
      </Button>
      <Button disabledReason={fullScreen.available ? undefined : t('reason.noFullScreen')} onClick={fullScreen.toggle}>
        {t(fullScreen.active ? 'toolbar.exitFullScreen' : 'toolbar.fullScreen')}
      </Button>
      {props.onOpenWindow && <Button onClick={props.onOpenWindow}>{t('toolbar.openWindow')}</Button>}
      {clipboard && (
        <>
          <Button disabledReason={clipboard.copyReason} onClick={clipboard.onCopy}>
            {t('toolbar.copy')}
          </Button>
          <Button disabledReason={clipboard.pasteReason} onClick={clipboard.onPaste}>
            {t('toolbar.paste')}
          </Button>
        </>
      )}
    </fieldset>
  );
}
