import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/** Query keys, shared so that one feature's change can refresh another's view. */
export const queryKeys = {
  session: ['auth', 'session'] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
  catalog: ['catalog'] as const,
  municipalities: ['municipalities'] as const,
  mergers: ['mergers'] as const,
  merger: (mergerId: string) => ['mergers', mergerId] as const,
  tasks: (mergerId: string) => ['mergers', mergerId, 'tasks'] as const,
  taskList: (mergerId: string, filters: object) => ['mergers', mergerId, 'tasks', 'list', filters] as const,
  task: (mergerId: string, taskId: string) => ['mergers', mergerId, 'tasks', 'one', taskId] as const,
  members: (mergerId: string) => ['mergers', mergerId, 'members'] as const,
  history: (mergerId: string, filters: object) => ['mergers', mergerId, 'history', filters] as const,
};
