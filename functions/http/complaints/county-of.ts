import { isXinzhouArea } from '../../../domain/kernel/area.js';

/**
 * ACL-4: the enterprise's county. Until the enterprise register (REG-1) is in place, the area is read from
 * the USCC's registration-authority division code (characters 3–8, GB 32100-2015), when it is one of
 * Xinzhou's; otherwise unknown, and only city-level regulators see the complaint.
 *
 * @example countyOf('91140902100000008A'); // '140902' (忻府区)
 */
export function countyOf(uscc: string): string | undefined {
  const division = uscc.slice(2, 8);
  return isXinzhouArea(division) ? division : undefined;
}
