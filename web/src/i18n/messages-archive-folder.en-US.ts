import type { archiveFolderZhCN } from './messages-archive-folder.zh-CN';

/** The English twin of messages-archive-folder.zh-CN.ts (SVC-10, issue 18). */
export const archiveFolderEnUS = {
  'folder.title': 'Archive folder',
  'folder.titleOf': 'Archive folder · {name}',
  'folder.open': 'Archive folder',
  'folder.back': 'Back',
  'folder.intro':
    "The enterprise's documents archived for this policy year: the service plan, the service records and their evidence, the hazard notices and the rectification evidence. Each is kept unchanged for at least five years from archiving; Verify reads the file again, computes its SHA-256 and compares it with the digest recorded when it was archived.",
  'folder.year': 'Policy year',
  'folder.yearOption': '{year}',
  'folder.count': '{count} files',
  'folder.empty': 'Nothing archived for this policy year yet',
  'folder.kind.SERVICE_PLAN': 'Service plans',
  'folder.kind.SERVICE_RECORD': 'Service records',
  'folder.kind.SERVICE_EVIDENCE': 'Service evidence',
  'folder.kind.HAZARD_NOTICE': 'Hazard notices',
  'folder.kind.RECTIFICATION_EVIDENCE': 'Rectification evidence',
  'folder.policy': 'Policy',
  'folder.at': 'Archived',
  'folder.sha256': 'Recorded digest',
  'folder.actual': 'Digest now',
  'folder.missing': 'file missing',
  'folder.retainUntil': 'Kept until',
  'folder.download': 'Download',
  'folder.verify': 'Verify',
  'folder.matches': 'Matches',
  'folder.mismatch': 'Does not match',
} as const satisfies Record<keyof typeof archiveFolderZhCN, string>;
