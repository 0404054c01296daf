import { useState } from 'react';
import { Panel, QueryView } from '../../app/Panel.tsx';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { FlinkJob } from '../../api/types.ts';
import { useQuery } from '../../api/use-query.ts';
import { JobsTable, type JobAction } from './JobsTable.tsx';
import { TokenDialog } from './TokenDialog.tsx';
import { forgetToken, readToken, saveToken } from './token.ts';

interface Pending {
  job: FlinkJob;
  action: JobAction;
}

const run = (pending: Pending, token: string): Promise<unknown> => {
  if (pending.action === 'stop') return api.stopJob(pending.job.id, token);
  if (pending.action === 'cancel') return api.cancelJob(pending.job.id, token);
  return api.submitJob(pending.job.catalogName!, token);
};

export function JobsPanel() {
  const jobs = useQuery('jobs', (signal) => api.jobs(signal), 5_000);
  const [asking, setAsking] = useState<Pending>();
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();

  const execute = async (pending: Pending, token: string) => {
    setBusy(pending.job.id);
    setMessage(`${pending.action} ${pending.job.name}…`);
    try {
      await run(pending, token);
      saveToken(token);
      setMessage(`${pending.action} ${pending.job.name}: done`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetToken();
      setMessage(`${pending.action} ${pending.job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(undefined);
      jobs.refresh();
    }
  };

  const onAction = (job: FlinkJob, action: JobAction) => {
    const token = readToken();
    if (token) void execute({ job, action }, token);
    else setAsking({ job, action });
  };

  return (
    <Panel title="Flink jobs" testId="jobs" className="span-12" actions={message && <span className="muted mono">{message}</span>}>
      {asking && (
        <TokenDialog
          action={`${asking.action} ${asking.job.name}`}
          onCancel={() => setAsking(undefined)}
          onSubmit={(token) => {
            setAsking(undefined);
            void execute(asking, token);
          }}
        />
      )}
      <QueryView
        {...jobs}
        data={jobs.data?.jobs}
        isEmpty={(list) => list.length === 0}
        emptyText="No Flink jobs on the cluster."
      >
        {(list) => <JobsTable jobs={list} busy={busy} onAction={onAction} />}
      </QueryView>
    </Panel>
  );
}
