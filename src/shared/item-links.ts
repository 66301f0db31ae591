/**
 * The web app's address of each thing someone can be responsible for, as paths without origin.
 * The server puts them in notifications and calendar feeds; they must match the web's routes
 * (src/web/lib/paths.ts, checked by item-links.test.ts).
 */
export const itemLinks = {
  task: (mergerId: string, taskId: string) => `/sammenslainger/${mergerId}/oppgaver/${taskId}`,
  /** A mitigation is shown on its risk's page. */
  mitigation: (mergerId: string, riskId: string) => `/sammenslainger/${mergerId}/risiko/${riskId}`,
  benefit: (mergerId: string, benefitId: string) => `/sammenslainger/${mergerId}/gevinster/${benefitId}`,
  decision: (mergerId: string, solutionAreaId: string) => `/sammenslainger/${mergerId}/veivalg/${solutionAreaId}`,
  /** «Mine oppgaver» narrowed to one merger: where many tasks given to someone at once are listed. */
  myWorkInMerger: (mergerId: string) => `/mine-oppgaver?sammenslaaing=${mergerId}`,
} as const;
