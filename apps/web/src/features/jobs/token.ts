// The API token for job actions, kept for the browser tab only.
const KEY = 'spreadwatch.apiToken';

export const readToken = (): string | null => sessionStorage.getItem(KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);
