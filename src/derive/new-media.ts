import type { NewMediaData, RowData } from "../validate/circular-data.js";
import { defined, inspectionFigures, issueCounts, type InspectionFigures } from "./arithmetic.js";

/** Every figure about 政务新媒体 accounts, computed once from the data. */
export interface NewMediaFigures extends InspectionFigures {
  accounts?: RowData[];
  problems?: RowData[];
  issueCounts?: Record<string, number>;
  sampling?: NewMediaData["sampling"];
}

/** Accounts with problems: the problem list when given, else the accounts of the full list that carry issues. */
const problemAccounts = (data: NewMediaData): RowData[] | undefined =>
  data.problems ?? data.accounts?.filter((a) => (a.issues?.length ?? 0) > 0);

export function deriveNewMedia(data: NewMediaData): NewMediaFigures {
  const problems = problemAccounts(data);
  return defined({
    ...inspectionFigures(data.running ?? data.accounts?.length, data.checked ?? data.accounts?.length, problems?.length, data.passRate),
    accounts: data.accounts,
    problems,
    issueCounts: problems && issueCounts(problems),
    sampling: data.sampling,
  });
}
