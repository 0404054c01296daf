import { useState } from 'react';
import { Panel, QueryView } from '../../app/Panel.tsx';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { JobsTable, type JobAction } from './JobsTable.tsx';
import { TokenDialog } from './TokenDialog.tsx';
import { forgetToken, readToken, saveToken } from './token.ts';
import { useJobs } from './use-jobs.ts';

interface Pending {
  job: string;
  action: JobAction;
}

export function JobsPanel() {
  const jobs = useJobs();
  const [asking, setAsking] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  const execute = async ({ job, action }: Pending, token: string) => {
    setBusy(true);
    setMessage(`${action} ${job}…`);
    try {
      await api.jobAction(job, action, token);
      saveToken(token);
      setMessage(`${action} ${job}: done`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetToken();
      setMessage(`${action} ${job} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
      jobs.refresh();
    }
  };

  const onAction = (job: string, action: JobAction) => {
    const token = readToken();
    if (token) void execute({ job, action }, token);
    else setAsking({ job, action });
  };

  return (
    <Panel
      title="Flink jobs"
      testId="jobs"
      className="span-12"
      actions={message && <span className="muted mono">{message}</span>}
    >
      {asking && (
        <TokenDialog
          action={`${asking.action} ${asking.job}`}
          onCancel={() => setAsking(undefined)}
          onSubmit={(token) => {
            setAsking(undefined);
            void execute(asking, token);
          }}
        />
      )}
      <QueryView
        {...jobs}
        isEmpty={(view) => view.jobs.length === 0 && view.catalog.length === 0}
        emptyText="No Flink jobs in this namespace."
      >
        {(view) => <JobsTable {...view} busy={busy} onAction={onAction} />}
      </QueryView>
    </Panel>
  );
}
