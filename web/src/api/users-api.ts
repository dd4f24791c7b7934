import type { ApiClient } from './api-client';
import type { CreateUserRequest, Page, PageRequest, UpdateUserRequest, User } from './types';

/** Users of the caller's own tenant or agency (insurer-admin, regulator-admin). */
export class UsersApi {
  constructor(private readonly client: ApiClient) {}

  list(request: PageRequest, signal?: AbortSignal): Promise<Page<User>> {
    return this.client.get('/users', { query: { ...request }, signal });
  }

  create(body: CreateUserRequest, idempotencyKey: string): Promise<User> {
    return this.client.post('/users', { body, idempotencyKey });
  }

  update(userId: string, body: UpdateUserRequest, idempotencyKey?: string): Promise<User> {
    return this.client.patch(`/users/${encodeURIComponent(userId)}`, { body, idempotencyKey });
  }
}
