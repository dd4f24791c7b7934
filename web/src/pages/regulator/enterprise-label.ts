/**
 * An enterprise as a regulator reads it: its name with the USCC beside it, `忻府忻达煤业有限公司（9114…）`; the
 * bare USCC only when the register has no name for it (issue 15: regulators' pages showed bare USCCs).
 */
export function enterpriseLabel(uscc: string, names: Readonly<Record<string, string>> | undefined): string {
  const name = names?.[uscc];
  return name ? `${name}（${uscc}）` : uscc;
}
