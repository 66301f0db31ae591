// Types of scripts/pg-cluster.mjs for the TypeScript benchmarks that import it.
export interface Cluster {
  url: string;
  port: number;
  version: string;
  dataDir: string;
  stop: () => void;
}
export function findBinary(name: string): string | undefined;
export function missingBinariesMessage(who: string): string | null;
export function startCluster(options?: { extraOptions?: string }): Promise<Cluster>;
