import type { Messages } from './zh-CN.js';

export const en: Messages = {
  app: { name: 'Front-end exchange node', product: 'ExNode', language: 'Language', engineDown: 'The ExNode engine cannot be reached', retry: 'Retry' },
  nav: {
    dashboard: 'Dashboard', connections: 'Connections', bridges: 'Bridges', reconciliation: 'Reconciliation', alerts: 'Alerts',
    catalog: 'Resource catalog', users: 'Users', audit: 'Audit log', settings: 'Settings',
  },
  common: {
    refresh: 'Refresh', loading: 'Loading…', none: 'None', yes: 'Yes', no: 'No', actions: 'Actions', name: 'Name', status: 'Status',
    error: 'Error', close: 'Close', save: 'Save', cancel: 'Cancel', later: 'This capability arrives in a later version', laterHint: 'This version provides connections, bridges and bridge reconciliation.',
  },
  status: { queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled', unknown: 'Not tested', ok: 'OK' },
  mode: { full: 'Full', incremental: 'Incremental', diff: 'Snapshot diff' },
  phase: { queued: 'Queued', copy: 'Copying', deletes: 'Finding deletes', ranges: 'Comparing key ranges', incremental: 'Reading changes', receive: 'Applying changes', done: 'Done', idle: 'Idle' },
  direction: { send: 'Send', receive: 'Receive' },
  dashboard: {
    title: 'Node overview', exchange: 'Exchange database', connections: 'Connections', bridges: 'Bridges', runs: 'Runs', dataDir: 'Data directory',
    emptyTitle: 'No connections or bridges yet',
    emptyHint: 'Load the demo: a business database of 100,000 birth certificates and a bridge that syncs it into the exchange database.',
    loadDemo: 'Load demo data', loadingDemo: 'Generating demo data…', demoDone: 'Demo loaded; run it from the Bridges page', goBridges: 'Go to bridges',
    recentRuns: 'Recent runs', noRuns: 'No runs yet',
  },
  connections: {
    title: 'Connections', dialect: 'Database', summary: 'Address', health: 'Health', lastTested: 'Last tested', test: 'Test', testing: 'Testing…',
    testOk: 'Connected', testFailed: 'Connection failed', product: 'Product', version: 'Version', latency: 'Latency', user: 'User', database: 'Database',
    exchangeTag: 'Exchange database', empty: 'No connections yet',
  },
  bridges: {
    title: 'Bridges', source: 'Sender (source)', target: 'Receiver (target)', mode: 'Mode', direction: 'Direction', lastRun: 'Last run',
    deviation: 'Deviation', run: 'Run', started: 'Run started', empty: 'No bridges yet', never: 'Never run', history: 'Runs',
  },
  run: {
    title: 'Run', bridge: 'Bridge', status: 'Status', progress: 'Progress', started: 'Started', finished: 'Finished', duration: 'Duration',
    speed: 'Speed', rowsPerSec: 'rows/s', sender: 'Sender', receiver: 'Receiver', total: 'Rows read', inserted: 'Inserted', updated: 'Updated',
    deleted: 'Deleted', rejected: 'Rejected', deviation: 'Deviation', reconciled: 'Reconciled: sender and receiver agree', deviationAlert: 'Deviation found: check the rejected rows and the run log',
    log: 'Run log', rejectedRows: 'Rejected rows', key: 'Key', reason: 'Reason', cancel: 'Cancel run', kind: 'Kind', phase: 'Phase', transferred: 'Rows transferred',
  },
  reconciliation: { title: 'Bridge reconciliation', hint: 'Sender and receiver counts of every run, and their deviation', ok: 'Reconciled', bad: 'Deviation' },
  settings: { title: 'Settings', language: 'Language', prefix: 'Exchange column prefix', retention: 'Soft-delete retention (days)', concurrency: 'Concurrent runs', saved: 'Saved', exchangeDb: 'Exchange database' },
};
