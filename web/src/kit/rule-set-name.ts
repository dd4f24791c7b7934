import type { Translate } from '../i18n';

/**
 * A rule set as people name it (issue 15: the id `xinzhou-2024` was shown in the Chinese UI): Xinzhou's sets
 * (忻应急发〔2024〕71号 and the versions the city EMB publishes after it) read 忻州市安责险规则（2024 年）; an id of
 * another shape is shown as it is. The id stays available to insurer staff in a tooltip where it is shown.
 */
export function ruleSetName(id: string, t: Translate): string {
  const xinzhou = /^xinzhou-(\d{4})$/.exec(id);
  return xinzhou ? t('ruleSets.name.xinzhou', { year: xinzhou[1] ?? '' }) : id;
}
