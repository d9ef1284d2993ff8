import { useTranslation } from 'react-i18next';
import type { ObjectClass } from '../../app/routes';
import { PowerStateIcon } from '../../components/power-state-icon';
import { useMirror } from '../../store/mirror-store';

/** Simple glyphs in 16×16 boxes: a rack for a pool, a server, a page, a camera, a disk, a network. */
const GLYPHS: Record<Exclude<ObjectClass, 'VM'>, string> = {
  pool: 'M2 2h12v3H2zM2 6.5h12v3H2zM2 11h12v3H2z',
  host: 'M3 2h10v12H3zM5 4.5h6v1H5zM5 7h6v1H5zM5 11h2v1.5H5z',
  template: 'M3 1.5h7l3 3v10H3zM10 1.5v3h3',
  snapshot: 'M2 5h3l1.5-2h3L11 5h3v8H2zM8 6.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  SR: 'M2.5 4c0-1.4 11-1.4 11 0v8c0 1.4-11 1.4-11 0zM2.5 4c0 1.4 11 1.4 11 0',
  network: 'M7 1.5h2v3H7zM2 11.5h3v3H2zM11 11.5h3v3h-3zM7.5 4.5v3.5M3.5 11.5V8h9v3.5',
};

function Glyph({ cls, label, state }: { cls: Exclude<ObjectClass, 'VM'>; label: string; state?: string }) {
  return (
    <svg
      role="img"
      aria-label={label}
      className={['icon', `icon-${cls}`, state && `icon-${state}`].filter(Boolean).join(' ')}
      viewBox="0 0 16 16"
      width="14"
      height="14"
    >
      <title>{label}</title>
      <path d={GLYPHS[cls]} />
    </svg>
  );
}

function VmIcon({ poolId, vmRef }: { poolId: string; vmRef: string }) {
  const state = useMirror((s) => s.pools[poolId]?.objects.VM?.[vmRef]?.power_state);
  return state ? <PowerStateIcon state={state} /> : null;
}

/** A host is up, in maintenance mode (disabled), or down (its metrics say it is not live). */
function HostIcon({ poolId, hostRef }: { poolId: string; hostRef: string }) {
  const { t } = useTranslation('tree');
  const state = useMirror((s) => {
    const objects = s.pools[poolId]?.objects;
    const host = objects?.host?.[hostRef];
    if (!host) return undefined;
    if (objects?.host_metrics?.[host.metrics]?.live === false) return 'offline';
    return host.enabled ? 'live' : 'maintenance';
  });
  return state ? <Glyph cls="host" label={t(`hostState.${state}`)} state={state} /> : null;
}

/**
 * The icon of a tree node, named for assistive technology by what it shows: a VM's
 * power state, a host's state, or what kind of object it is.
 */
export function NodeIcon({ poolId, cls, objectRef }: { poolId: string; cls: ObjectClass; objectRef: string }) {
  const { t } = useTranslation('tree');
  if (cls === 'VM') return <VmIcon poolId={poolId} vmRef={objectRef} />;
  if (cls === 'host') return <HostIcon poolId={poolId} hostRef={objectRef} />;
  return <Glyph cls={cls} label={t(`kind.${cls}`)} />;
}
