/**
 * A VM's memory on a common scale: its dynamic range as a band up to its static
 * maximum, what it holds now as a bar, and its balloon target as a tick. For the eye;
 * the row it sits in says the same in figures.
 */
export function RangeMarker(props: {
  scaleBytes: number;
  dynamicMinBytes: number;
  dynamicMaxBytes: number;
  staticMaxBytes: number;
  actualBytes: number;
  targetBytes: number;
}) {
  const scale = Math.max(props.scaleBytes, 1);
  const at = (bytes: number) => `${(Math.min(bytes, scale) / scale) * 100}%`;
  return (
    <div className="range-marker" aria-hidden="true">
      <div className="range-marker-static" style={{ width: at(props.staticMaxBytes) }} />
      <div
        className="range-marker-dynamic"
        style={{
          left: at(props.dynamicMinBytes),
          width: `calc(${at(props.dynamicMaxBytes)} - ${at(props.dynamicMinBytes)})`,
        }}
      />
      <div className="range-marker-actual" style={{ width: at(props.actualBytes) }} />
      <div className="range-marker-target" style={{ left: at(props.targetBytes) }} />
    </div>
  );
}
