import { usePoolOverview } from '../../queries/use-pool-overview';

const GiB = 1024 ** 3;

/** The interim landing page: what the pool holds, read over XAPI like any client would. */
export function PoolStatusPage() {
  const overview = usePoolOverview();
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 760, margin: '2rem auto', padding: '0 1rem' }}>
      <h1>Xenith</h1>
      {overview.isPending && <p>Connecting to the pool…</p>}
      {overview.isError && <p role="alert">Could not read the pool: {overview.error.message}</p>}
      {overview.data && (
        <>
          <h2>{overview.data.pool.name_label}</h2>
          <section aria-label="Hosts">
            <h3>Hosts ({overview.data.hosts.length})</h3>
            <ul>
              {overview.data.hosts.slice(0, 20).map((host) => (
                <li key={host.ref}>
                  {host.name_label} — {host.address}, {host.cpu_info.cpu_count} CPUs,{' '}
                  {Math.round(host.memoryTotal / GiB)} GiB, {host.resident_VMs.length} domains
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Guests">
            <h3>Guests</h3>
            <ul>
              {Object.entries(overview.data.guestsByPowerState).map(([state, count]) => (
                <li key={state}>
                  {state}: {count}
                </li>
              ))}
            </ul>
            <p>{overview.data.templates} templates</p>
          </section>
        </>
      )}
    </main>
  );
}
