import { Typography } from 'antd';
import { useEnterpriseNames } from './useEnterpriseNames';

/** A list cell: the enterprise's register name with its USCC beside it (issue 15), the bare USCC until known. */
export function EnterpriseName({ uscc }: { readonly uscc: string }) {
  const name = useEnterpriseNames([uscc])(uscc);
  return (
    <span>
      {name && <span style={{ marginInlineEnd: 4 }}>{name}</span>}
      <Typography.Text type={name ? 'secondary' : undefined} style={{ fontFamily: 'monospace', fontSize: name ? 12 : undefined }}>
        {uscc}
      </Typography.Text>
    </span>
  );
}
