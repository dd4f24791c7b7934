import type { RegisterFileReader } from '../../../domain/register/register-file.port.js';
import { registerFileReader } from '../../adapters/register-file/register-file.js';
import { registerContext, type RegisterCompositionRoot } from './composition-root.js';

/**
 * The register's file routes (REG-1 imports) run in a function of their own ({@link registerFileRoutes}): the
 * XLSX reader (exceljs) is more than half a megabyte, and only an import needs it, so the register function
 * that answers every other route does not carry it (issue 20).
 */
export interface RegisterFilesRoot extends RegisterCompositionRoot {
  /** REG-1: the records of an uploaded CSV or XLSX register file. */
  readonly files: RegisterFileReader;
}

let root: RegisterFilesRoot | undefined;

/** The composition root of the register's file function: the register's, and the file reader. */
export function registerFilesContext(): RegisterFilesRoot {
  root ??= { ...registerContext(), files: registerFileReader };
  return root;
}
