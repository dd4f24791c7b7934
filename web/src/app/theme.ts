import { theme, type ThemeConfig } from 'antd';

/**
 * Dense (compact algorithm) like the back-office systems insurers use, with text colours darkened so
 * secondary and placeholder text keep at least 4.5:1 contrast on white (antd's defaults are ≈3:1), and a
 * primary blue (#1d4ed8, 6.7:1 on white) that passes for link and button text. Issue 15 (axe-core, 0 serious):
 * the error red is #cf1322 (5.6:1; antd's #ff4d4f is 3.3:1, the 停用/取消 danger links and buttons), tags are
 * 12 px with the dark shade of their colour (styles.css), and a table's or list's empty text is not "disabled" grey.
 */
export const consoleTheme: ThemeConfig = {
  algorithm: theme.compactAlgorithm,
  token: {
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.5)',
    colorError: '#cf1322',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerHeight: 48, headerPadding: '0 16px', siderBg: '#0f1f3d', triggerBg: '#0b1730' },
    Tag: { fontSizeSM: 12 },
    // The placeholder row ("尚无记录") is text to read, not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
    // The same for a list's "暂无…" (the workbench's lists: 3.9:1 in antd's disabled grey, axe color-contrast).
    List: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
    Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1730', darkItemColor: 'rgba(255, 255, 255, 0.82)' },
  },
};
