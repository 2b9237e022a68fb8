/** One schema migration. */
export interface Migration {
  /** Strictly increasing version number. */
  version: number;
  /** What it does. */
  description: string;
  /** SQL statements run inside one transaction. */
  sql: string;
}
