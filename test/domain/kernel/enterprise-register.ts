import { readFileSync } from 'node:fs';

/** One row of the seed register infra/local/seed/enterprises-xinzhou-5000.csv. */
export interface RegisterRow {
  uscc: string;
  name: string;
  industry: string;
  county: string;
  staff: number;
  revenueWan: number;
  size: string;
}

const REGISTER_URL = new URL('../../../infra/local/seed/enterprises-xinzhou-5000.csv', import.meta.url);

/** The 5,000 enterprises of the seed register; the file has CRLF line ends and no quoted fields. */
export function readEnterpriseRegister(): RegisterRow[] {
  const [header, ...lines] = readFileSync(REGISTER_URL, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  if (header !== 'uscc,name,industry,county,staff,revenueWan,size') {
    throw new Error(`unexpected register header: ${String(header)}`);
  }
  return lines.map((line) => {
    const [uscc = '', name = '', industry = '', county = '', staff = '', revenueWan = '', size = ''] = line.split(',');
    return { uscc, name, industry, county, staff: Number(staff), revenueWan: Number(revenueWan), size };
  });
}
