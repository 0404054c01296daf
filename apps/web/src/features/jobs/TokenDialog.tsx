import { useState, type FormEvent } from 'react';

interface Props {
  action: string;
  onSubmit: (token: string) => void;
  onCancel: () => void;
}

/** Asks for the API bearer token before a job action. */
export function TokenDialog({ action, onSubmit, onCancel }: Props) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSubmit(token.trim());
  };
  return (
    <form className="token-form" onSubmit={submit} data-testid="token-dialog">
      <span>API token to {action}:</span>
      <input
        className="control mono"
        type="password"
        autoFocus
        aria-label="API token"
        value={token}
        onChange={(event) => setToken(event.target.value)}
      />
      <button className="control" type="submit">
        Confirm
      </button>
      <button className="control" type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
