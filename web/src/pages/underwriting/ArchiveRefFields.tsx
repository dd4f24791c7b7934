import { Flex, Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Rule } from 'antd/es/form';
import { useI18n } from '../../i18n';

type Path = readonly (string | number)[];

interface ArchiveRefFieldsProps {
  /** The reference's name as its Form.Item sees it (relative inside a Form.List). */
  readonly name: Path;
  /** The same, from the form's root: the validators read the sibling fields with it. */
  readonly absolute: Path;
  /** Said in each field's accessible name ("事故预防服务制度 · 文件名"), since several documents share a page. */
  readonly what: string;
  /**
   * One row under a list's column headings ({@link ArchiveRefHeader}): no label above each input, the
   * accessible name and a placeholder say what it is.
   */
  readonly compact?: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;
const ARCHIVE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * SVC-10: a document of the write-once archive named by file name, archive id and SHA-256. Until uploads come,
 * the three are typed; a reference is all or nothing, so once one of them is filled the others are asked for.
 */
export function ArchiveRefFields({ name, absolute, what, compact = false }: ArchiveRefFieldsProps) {
  const { t } = useI18n();
  const sibling = (field: string): NamePath => [...absolute, field];
  const part = (field: 'name' | 'archiveId' | 'sha256', label: string, pattern?: { test: RegExp; message: string }): Rule[] => [
    ({ getFieldValue }) => ({
      validator(_, value: unknown) {
        const text = typeof value === 'string' ? value.trim() : '';
        const others = ['name', 'archiveId', 'sha256']
          .filter((other) => other !== field)
          .some((other) => {
            const sibling_ = getFieldValue(sibling(other)) as unknown;
            return typeof sibling_ === 'string' && sibling_.trim() !== '';
          });
        if (text === '' && others) return Promise.reject(new Error(t('form.required', { field: label })));
        if (text !== '' && pattern && !pattern.test.test(text)) return Promise.reject(new Error(pattern.message));
        return Promise.resolve();
      },
    }),
  ];
  const fieldName = t('doc.name');
  const archiveId = t('doc.archiveId');
  const sha256 = t('doc.sha256');
  const label = (text: string) => (compact ? undefined : text);
  const placeholder = (text: string) => (compact ? text : undefined);
  return (
    <Flex gap={8} wrap={!compact} align="flex-start" style={compact ? { width: '100%' } : undefined}>
      <Form.Item
        name={[...name, 'name']}
        label={label(fieldName)}
        rules={part('name', fieldName)}
        dependencies={[sibling('archiveId'), sibling('sha256')]}
        style={{ marginBottom: 8, flex: compact ? '3 1 0' : '1 1 200px', minWidth: 0 }}
      >
        <Input aria-label={`${what} · ${fieldName}`} placeholder={placeholder(fieldName)} maxLength={200} />
      </Form.Item>
      <Form.Item
        name={[...name, 'archiveId']}
        label={label(archiveId)}
        rules={part('archiveId', archiveId, { test: ARCHIVE_ID, message: t('doc.archiveIdFormat') })}
        dependencies={[sibling('name'), sibling('sha256')]}
        style={{ marginBottom: 8, flex: compact ? '2 1 0' : '0 1 180px', minWidth: 0 }}
      >
        <Input aria-label={`${what} · ${archiveId}`} placeholder={placeholder(archiveId)} maxLength={64} spellCheck={false} />
      </Form.Item>
      <Form.Item
        name={[...name, 'sha256']}
        label={label(sha256)}
        rules={part('sha256', sha256, { test: SHA256, message: t('doc.sha256Format') })}
        dependencies={[sibling('name'), sibling('archiveId')]}
        normalize={(value: string) => value.trim().toLowerCase()}
        style={{ marginBottom: 8, flex: compact ? '4 1 0' : '1 1 300px', minWidth: 0 }}
      >
        <Input aria-label={`${what} · ${sha256}`} placeholder={placeholder(sha256)} maxLength={64} spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
    </Flex>
  );
}

/** The column headings over a list of {@link ArchiveRefFields} rows (`compact`), aligned with their inputs. */
export function ArchiveRefHeader({ trailing = 0 }: { readonly trailing?: number }) {
  const { t } = useI18n();
  const cell = (flex: string, text: string) => (
    <div aria-hidden style={{ flex, minWidth: 0, fontSize: 12, color: '#4b5563' }}>
      {text}
    </div>
  );
  return (
    <Flex gap={8} style={{ paddingInlineEnd: trailing }}>
      {cell('3 1 0', t('doc.name'))}
      {cell('2 1 0', t('doc.archiveId'))}
      {cell('4 1 0', t('doc.sha256'))}
    </Flex>
  );
}
