import { type MouseEvent, memo } from 'react';
import { navigate, paths } from '../../../app/routes';
import { formatMemory } from '../../../components/format/bytes';
import { RangeMarker } from './range-marker';

export interface VmRangeRowProps {
  poolId: string;
  uuid: string;
  name: string;
  actualBytes: number;
  targetBytes: number;
  dynamicMinBytes: number;
  dynamicMaxBytes: number;
  staticMaxBytes: number;
  /** The largest static maximum on the host, so every row's marker shares one scale. */
  scaleBytes: number;
}

/** One VM on a host's Memory tab: its figures and its range marker, linked to its own Memory tab. */
export const VmRangeRow = memo(function VmRangeRow(props: VmRangeRowProps) {
  const href = paths.object(props.poolId, 'VM', props.uuid, 'memory');
  const follow = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <tr>
      <th scope="row">
        <a href={href} onClick={follow}>
          {props.name}
        </a>
      </th>
      <td>{formatMemory(props.actualBytes)}</td>
      <td>
        {formatMemory(props.dynamicMinBytes)} – {formatMemory(props.dynamicMaxBytes)}
      </td>
      <td>{formatMemory(props.staticMaxBytes)}</td>
      <td className="range-marker-cell">
        <RangeMarker {...props} />
      </td>
    </tr>
  );
});
