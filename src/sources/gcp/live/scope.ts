/** What one Google Cloud scope (an organization, a folder, a project) has read so far. */
export interface ScopeState {
  readonly parent: string;
  requests: number;
  resources: number;
  skipped: number;
  readonly errors: string[];
}
